import { runErrorSentence, type RunErrorLanguage, type RunErrorTextKey } from './run-error-text.ts';

/**
 * Why an operation on a run was refused. The codes are stable (callers and the API's answers
 * use them); how each is said over HTTP is the API's business (`api/run-error-status.ts`).
 */
export const runErrorCodes = [
  'NOT_FOUND',
  'RUN_ENDED',
  'RUN_ACTIVE',
  'RUN_DETAILS_EXPIRED',
  'RUN_HISTORY_MISSING',
  'RUN_NOT_FAILED',
  'STEP_NOT_RETRYABLE',
  'STEP_BEFORE_CONTINUE_AS_NEW',
  'VERSION_INVALID',
  'TEMPORAL_UNAVAILABLE',
  'RUN_NOT_RECORDED',
] as const;

export type RunErrorCode = (typeof runErrorCodes)[number];

/**
 * A refusal with its sentence (`runErrorText`) and the values that fill it, so the API can say
 * it in the reader's language; `message` is the English, for logs and the CLI.
 */
export class RunError extends Error {
  override readonly name = 'RunError';

  constructor(
    readonly code: RunErrorCode,
    readonly textKey: RunErrorTextKey,
    readonly params: Readonly<Record<string, string>> = {},
  ) {
    super(runErrorSentence(textKey, 'en', params));
  }

  /** The refusal in a person's language. */
  messageIn(language: RunErrorLanguage): string {
    return runErrorSentence(this.textKey, language, this.params);
  }
}

export const runNotFound = (id: string) => new RunError('NOT_FOUND', 'runNotFound', { id });

export const versionNotFound = (flowId: string, version: number | string) =>
  new RunError('NOT_FOUND', 'versionNotFound', { flowId, version: String(version) });
