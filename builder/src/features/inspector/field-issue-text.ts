import type { ValidationIssue } from '../../api/types.ts';
import { catalog, type MessageKey } from '../../i18n/catalog.ts';
import { problemText } from '../editor/problem-text.ts';
import { fieldMessage } from './route-issues.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * What a problem says under the field it is about: for a config error, only what is wrong with
 * the value (the field's label is right above it); any other problem in its full sentence.
 */
export function fieldIssueText(issue: ValidationIssue, t: Translate): string {
  const reason = issue.code === 'NODE_CONFIG_INVALID' ? issue.params?.reason : undefined;
  const key = reason
    ? `configError.${reason}`
    : issue.code === 'TEMPLATE_INVALID' && issue.params
      ? 'configError.template'
      : undefined;
  if (key && key in catalog.en) return t(key as MessageKey, issue.params ?? {});
  const text = problemText(issue, t);
  // No sentence for it: the server's message, without the node and path its place already says.
  return text === issue.message ? fieldMessage(issue) : text;
}
