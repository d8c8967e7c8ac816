import type { ValidationIssue } from '../../api/types.ts';
import { catalog, type MessageKey } from '../../i18n/catalog.ts';
import { portKeys } from '../canvas/use-port-name.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

function sentenceKey(issue: ValidationIssue): MessageKey | undefined {
  const reason = issue.params?.reason;
  const keys = [...(reason ? [`problem.${issue.code}.${reason}`] : []), `problem.${issue.code}`];
  const key = keys.find((k) => k in catalog.en);
  if (!key) return undefined;
  // An issue from an older server (or a test) without the params its sentence names keeps its
  // own message rather than showing "{node}".
  const placeholders = [...(catalog.en[key as MessageKey] as string).matchAll(/\{(\w+)\}/g)];
  return placeholders.every(([, name]) => issue.params?.[name!] !== undefined)
    ? (key as MessageKey)
    : undefined;
}

/**
 * The sentence a person reads for a problem: the catalog's `problem.<CODE>.<reason>` or
 * `problem.<CODE>` filled with the issue's params (a built-in port id shown in the reader's
 * language), or the issue's own message for a code the catalog does not know.
 */
export function problemText(issue: ValidationIssue, t: Translate): string {
  const key = sentenceKey(issue);
  if (!key) return issue.message;
  const params = { ...issue.params };
  const port = typeof params.port === 'string' ? portKeys.get(params.port) : undefined;
  if (port) params.port = t(port);
  return t(key, params);
}
