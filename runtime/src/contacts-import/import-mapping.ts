import type { ContactFieldType } from '@omniflow/db';

/** What a column can fill; a custom field is `field:<key>`. */
export const builtInTargets = [
  'first_name',
  'last_name',
  'display_name',
  'phone',
  'whatsapp',
  'email',
  'language',
  'timezone',
  'tags',
  'consent',
  'ignore',
] as const;
export type BuiltInTarget = (typeof builtInTargets)[number];

/** Targets several columns may share: a second phone, more tags. */
const repeatable = new Set<string>(['phone', 'whatsapp', 'email', 'tags', 'ignore']);
const addressTargets = new Set<string>(['phone', 'whatsapp', 'email']);

export interface CustomField {
  key: string;
  label: string;
  type: ContactFieldType;
  choices: string[] | null;
}

export interface MappingProblem {
  column: string;
  message: string;
}

/** Why a mapping cannot run: unknown columns or targets, a single target twice, no address. */
export function mappingProblems(
  mapping: Record<string, string>,
  header: string[],
  fields: CustomField[],
): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const columns = new Set(header);
  const keys = new Set(fields.map((f) => f.key));
  const used = new Map<string, string>();
  for (const [column, target] of Object.entries(mapping)) {
    if (!columns.has(column))
      problems.push({
        column,
        message: `The file has no column "${column}"; its columns are ${header.join(', ')}`,
      });
    const known =
      (builtInTargets as readonly string[]).includes(target) ||
      (target.startsWith('field:') && keys.has(target.slice(6)));
    if (!known)
      problems.push({
        column,
        message: target.startsWith('field:')
          ? `No custom field "${target.slice(6)}" exists; create it under Contacts → Fields or pick another`
          : `"${target}" is not something a column can fill; use one of ${builtInTargets.join(', ')} or field:<key>`,
      });
    else if (!repeatable.has(target)) {
      const other = used.get(target);
      if (other)
        problems.push({
          column,
          message: `Columns "${other}" and "${column}" both fill ${target}; keep one`,
        });
      used.set(target, column);
    }
  }
  if (!Object.values(mapping).some((t) => addressTargets.has(t)))
    problems.push({
      column: '',
      message: 'Map at least one column to phone, whatsapp or email: contacts are found by their addresses',
    });
  return problems;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

// Titles people give columns, in Spanish and English, folded (no accents, lower case).
const synonyms: [BuiltInTarget, RegExp][] = [
  ['first_name', /^(first name|firstname|given name|nombres?|primer nombre)$/],
  ['last_name', /^(last name|lastname|surname|family name|apellidos?)$/],
  ['display_name', /^(name|full name|display name|nombre completo|nombre y apellidos?|contacto|contact)$/],
  ['whatsapp', /^(whatsapp|wa|whatsapp number|numero whatsapp|whatsapp id)$/],
  [
    'phone',
    /^(phone|phone number|mobile|mobile phone|cell|cellphone|tel|telephone|telefono|movil|celular|numero|sms)$/,
  ],
  ['email', /^(email|e mail|mail|email address|correo|correo electronico)$/],
  ['language', /^(language|lang|idioma|lengua)$/],
  ['timezone', /^(timezone|time zone|tz|zona horaria|huso horario)$/],
  ['tags', /^(tags?|labels?|etiquetas?)$/],
  ['consent', /^(consent|opt in|optin|subscribed|consentimiento|acepta|autoriza)$/],
];

/** A first guess at a mapping from the column titles; the person adjusts it before running. */
export function proposeMapping(header: string[], fields: CustomField[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  const taken = new Set<string>();
  for (const column of header) {
    const folded = fold(column);
    const field = fields.find((f) => fold(f.key) === folded || fold(f.label) === folded);
    const builtIn = synonyms.find(([, pattern]) => pattern.test(folded))?.[0];
    let target: string = field ? `field:${field.key}` : (builtIn ?? 'ignore');
    if (!repeatable.has(target) && taken.has(target)) target = 'ignore';
    taken.add(target);
    mapping[column] = target;
  }
  return mapping;
}
