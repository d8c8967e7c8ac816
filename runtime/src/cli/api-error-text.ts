import type { ValidationIssue } from '../graph/validation-issue.ts';
import { t } from './cli-i18n.ts';
import { cliMessages, type CliMessageKey } from './cli-messages.ts';
import { problemLines } from './problem-lines.ts';

interface ApiErrorBody {
  code?: string;
  message?: string;
  details?: { errors?: ValidationIssue[]; warnings?: ValidationIssue[] };
}

/**
 * What the CLI prints for an API error. A flow's problems are listed in the CLI's language (the
 * builder's sentences); codes the CLI words itself use its catalog; any other message is the API's,
 * already in the reader's language where the API has it (the CLI sends Accept-Language).
 */
export function apiErrorText(status: number, statusText: string, error: ApiErrorBody | undefined): string {
  const code = error?.code ?? String(status);
  const key = `api.${code}`;
  const headline =
    key in cliMessages.en
      ? t(key as CliMessageKey, { count: error?.details?.errors?.length ?? 0 })
      : (error?.message ?? statusText);
  const problems = error?.details?.errors
    ? problemLines(error.details.errors, error.details.warnings ?? [])
    : [];
  return [`${headline} (${code})`, ...problems].join('\n');
}
