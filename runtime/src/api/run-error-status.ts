import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { RunErrorCode } from '../runs/run-error.ts';

/** The HTTP status each refusal of an operation on a run is answered with (one place for all). */
export const runErrorStatus: Record<RunErrorCode, ContentfulStatusCode> = {
  NOT_FOUND: 404,
  RUN_ENDED: 409,
  RUN_ACTIVE: 409,
  RUN_DETAILS_EXPIRED: 409,
  RUN_HISTORY_MISSING: 409,
  RUN_NOT_FAILED: 409,
  STEP_NOT_RETRYABLE: 409,
  STEP_BEFORE_CONTINUE_AS_NEW: 409,
  VERSION_INVALID: 422,
  TEMPORAL_UNAVAILABLE: 503,
  RUN_NOT_RECORDED: 503,
};
