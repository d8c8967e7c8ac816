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

export class RunError extends Error {
  override readonly name = 'RunError';

  constructor(
    readonly code: RunErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const runNotFound = (what: string, id: string) =>
  new RunError('NOT_FOUND', `${what} ${id} does not exist`);
