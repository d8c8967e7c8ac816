import { NodeError } from '../../sdk/node-error.ts';

/** A Graph API error answer, as Meta documents it (`error_subcode` is gone from v16.0 on). */
export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_data?: { messaging_product?: string; details?: string };
  fbtrace_id?: string;
}

// Graph codes that mean "too much, too fast" or "Meta is down for a moment": the same request
// can succeed later. 4 app rate limit, 80007 WABA rate limit, 130429 Cloud API throughput,
// 131056 pair (business, user) rate limit, 2 and 131016 and 133004 service unavailable.
const retryableGraphCodes = new Set([2, 4, 80007, 130429, 131016, 131056, 133004]);

/** True when trying the same send again later can succeed. */
export function isRetryable(httpStatus: number | undefined, graphCode: number | undefined): boolean {
  if (httpStatus !== undefined && (httpStatus >= 500 || httpStatus === 429)) return true;
  return graphCode !== undefined && retryableGraphCodes.has(graphCode);
}

/**
 * Everything the WhatsApp driver throws. `code` is the Graph error code as a string when Meta
 * answered with one (`'131047'`: outside the 24 h window; `'131026'`: undeliverable), so it matches
 * the `errorCode` of a failed delivery report; otherwise one of ours (`WHATSAPP_MESSAGE_INVALID`,
 * `WHATSAPP_UNREACHABLE`, …). It is a NodeError, so the runtime fails the activity at once when
 * `retryable` is false.
 */
export class WhatsAppError extends NodeError {
  readonly graphCode: number | undefined;
  readonly httpStatus: number | undefined;
  readonly fbtraceId: string | undefined;

  constructor(
    code: string,
    message: string,
    options: {
      retryable: boolean;
      graphCode?: number | undefined;
      httpStatus?: number | undefined;
      fbtraceId?: string | undefined;
      details?: unknown;
    },
  ) {
    super(code, message, options.retryable, options.details);
    this.name = 'WhatsAppError';
    this.graphCode = options.graphCode;
    this.httpStatus = options.httpStatus;
    this.fbtraceId = options.fbtraceId;
  }

  /** The error for a Graph API error answer; Meta advises acting on `code` and `details`, not titles. */
  static fromGraph(httpStatus: number, error: GraphErrorBody): WhatsAppError {
    const details = error.error_data?.details;
    const title = error.message ?? `Graph API error (HTTP ${httpStatus})`;
    const code = error.code === undefined ? `WHATSAPP_HTTP_${httpStatus}` : String(error.code);
    return new WhatsAppError(code, details ? `${title}: ${details}` : title, {
      retryable: isRetryable(httpStatus, error.code),
      httpStatus,
      graphCode: error.code,
      fbtraceId: error.fbtrace_id,
      details: error,
    });
  }

  /** A message WhatsApp cannot show (too many buttons, a title too long…): fix the flow, not retry. */
  static invalidMessage(message: string): WhatsAppError {
    return new WhatsAppError('WHATSAPP_MESSAGE_INVALID', message, { retryable: false });
  }
}
