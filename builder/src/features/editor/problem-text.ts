import type { ValidationIssue } from '../../api/types.ts';
import { catalog, type MessageKey } from '../../i18n/catalog.ts';

/**
 * The sentence a person reads for a problem: the catalog's `problem.<CODE>` filled with the issue's
 * params, or the issue's own message for a code the catalog does not know yet.
 */
export function problemText(
  issue: ValidationIssue,
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
): string {
  const key = `problem.${issue.code}`;
  return key in catalog.en ? t(key as MessageKey, issue.params ?? {}) : issue.message;
}
