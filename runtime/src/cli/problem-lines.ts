// The CLI names a flow's problems with the builder's sentences (its problems panel), so a person
// reads the same words in both: one source, builder/src/features/editor/problem-messages.ts. It is
// plain data, the one builder file the CLI may import (eslint.config.js).
import { problemMessages } from '@omniflow/builder/problem-messages';
import type { ValidationIssue } from '../graph/validation-issue.ts';
import { currentCliLanguage, fill, t } from './cli-i18n.ts';
import { portText } from './run-words.ts';

type Sentences = Record<string, string>;

/**
 * A problem in the CLI's language: `problem.<CODE>.<reason>` or `problem.<CODE>` filled with the
 * issue's params (a built-in port named in the reader's words), or the server's own message for a
 * code (or an older server's issue without the params) the sentences do not cover.
 */
export function problemSentence(issue: Pick<ValidationIssue, 'code' | 'message' | 'params'>): string {
  const language = currentCliLanguage();
  const english = problemMessages.en as Sentences;
  const reason = issue.params?.reason;
  const key = [...(reason ? [`problem.${issue.code}.${reason}`] : []), `problem.${issue.code}`].find(
    (k) => k in english,
  );
  if (!key) return issue.message;
  const template = (problemMessages[language] as Sentences)[key] ?? english[key]!;
  const params: Record<string, string | number> = { ...issue.params };
  const named = [...english[key]!.matchAll(/\{(\w+)\}/g)].every(([, name]) => params[name!] !== undefined);
  if (!named) return issue.message;
  if (typeof params.port === 'string') params.port = portText(params.port);
  return fill(template, params, language);
}

/** The lines under "the flow has N problems": errors first, then warnings, one per line. */
export function problemLines(errors: ValidationIssue[], warnings: ValidationIssue[] = []): string[] {
  return [
    ...errors.map((issue) => `  ✗ ${problemSentence(issue)}`),
    ...warnings.map((issue) => `  ! ${t('api.warning')}: ${problemSentence(issue)}`),
  ];
}
