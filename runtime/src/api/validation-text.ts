import type { z } from 'zod';
import { zodIssueReason, type ZodIssueReason } from '../graph/zod-issue-reason.ts';
import type { ReaderLanguage } from './reader-language.ts';

// What a refused field says to a Spanish reader; the English keeps zod's or the schema's own text.
const spanish: Record<ZodIssueReason, string> = {
  required: 'Rellena este campo',
  not_text: 'Debe ser un texto',
  not_number: 'Debe ser un número',
  not_whole_number: 'Debe ser un número entero',
  not_yes_no: 'Debe ser sí o no',
  not_list: 'Debe ser una lista',
  not_group: 'No está rellenado como corresponde',
  wrong_type: 'Este tipo de valor no corresponde aquí',
  too_long: 'Demasiado largo: como máximo {limit} caracteres',
  too_short: 'Demasiado corto: al menos {limit} caracteres',
  too_big: 'Debe ser como máximo {limit}',
  too_small: 'Debe ser al menos {limit}',
  too_many: 'Demasiados: como máximo {limit}',
  too_few: 'Añade al menos {limit}',
  not_option: 'Elige una de estas opciones: {options}',
  bad_email: 'No es una dirección de correo válida',
  bad_url: 'No es una dirección web (URL) válida',
  bad_format: 'No está escrito de la forma correcta',
  unknown_keys: 'Campos que no se conocen: {keys}',
  either: 'Rellena este campo o el que lo sustituye',
  invalid: 'No es válido',
};

/** zod reports a missing value as "expected string, received undefined" unless asked for the input. */
const valueOf = (issue: z.core.$ZodIssue): unknown =>
  'input' in issue ? issue.input : / received undefined$/.test(issue.message) ? undefined : '';

/** One refused field of a request, in the reader's language, with `reason` for clients to pick their own words. */
export function validationIssueText(issue: z.core.$ZodIssue, language: ReaderLanguage) {
  const reason = zodIssueReason(issue, valueOf(issue));
  if (language === 'en') return { reason, message: issue.message };
  const values: Record<string, string> = {
    limit: 'maximum' in issue ? String(issue.maximum) : 'minimum' in issue ? String(issue.minimum) : '',
    options: issue.code === 'invalid_value' ? issue.values.map(String).join(', ') : '',
    keys: issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '',
  };
  return { reason, message: spanish[reason].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '') };
}

/** A field's own sentence for any refusal of it, in both languages (a setting naming its unit and range). */
export type FieldText = Record<string, Record<ReaderLanguage, string>>;

/**
 * A request's refused fields as the API answers them: each in the reader's language (the
 * field's own sentence from `fieldText` where it has one) and one message naming them all.
 */
export function validationFailure(
  zodIssues: z.core.$ZodIssue[],
  language: ReaderLanguage,
  fieldText: FieldText = {},
) {
  const issues = zodIssues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const text = validationIssueText(issue, language);
    const own = fieldText[path]?.[language];
    return { path, ...text, ...(own ? { message: own } : {}) };
  });
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return { message, issues };
}
