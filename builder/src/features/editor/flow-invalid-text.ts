import { ApiError } from '../../api/client.ts';
import type { ValidationIssue } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { problemText } from './problem-text.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A 422 FLOW_INVALID said by its problems (each in the reader's words), else by its message. */
export function flowInvalidText(error: ApiError, t: Translate): string {
  const errors = (error.details as { errors?: ValidationIssue[] } | undefined)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return error.message;
  return errors.map((issue) => problemText(issue, t)).join('; ');
}
