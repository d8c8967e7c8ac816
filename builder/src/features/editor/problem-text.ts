import type { ValidationIssue } from '../../api/types.ts';
import { catalog, type Locale, type MessageKey } from '../../i18n/catalog.ts';
import { useLocale } from '../../i18n/use-i18n.ts';

/**
 * The params in the reader's language: the server sends words it knows in both (a node's title,
 * a port's name) as `x` (English) and `xEs` (Spanish), so a Spanish sentence's `{x}` reads `xEs`.
 */
export function localizedParams(
  params: Record<string, string | number>,
  locale: Locale,
): Record<string, string | number> {
  if (locale !== 'es') return params;
  const out = { ...params };
  for (const [key, value] of Object.entries(params)) if (key.endsWith('Es')) out[key.slice(0, -2)] = value;
  return out;
}

/**
 * The sentence a person reads for a problem: the catalog's `problem.<CODE>` filled with the issue's
 * params, or the issue's own message for a code the catalog does not know yet.
 */
export function problemText(
  issue: ValidationIssue,
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
): string {
  const key = `problem.${issue.code}`;
  // `t` is bound to the current language, which callers re-render on (useT).
  return key in catalog.en
    ? t(key as MessageKey, localizedParams(issue.params ?? {}, useLocale.getState().locale))
    : issue.message;
}
