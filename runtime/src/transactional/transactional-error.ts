/** Why the API refused an application's message (api/routes/messages-send.ts maps each to HTTP). */
export type TransactionalErrorCode =
  | 'CHANNEL_NOT_CONFIGURED'
  | 'TEMPLATE_NOT_FOUND'
  | 'TEMPLATE_KIND_MISMATCH'
  | 'TEMPLATE_EMPTY'
  | 'TEMPLATE_RENDER_FAILED'
  | 'QUOTA_EXHAUSTED'
  | 'IDEMPOTENCY_KEY_REUSED';

export class TransactionalError extends Error {
  constructor(
    readonly code: TransactionalErrorCode,
    message: string,
  ) {
    super(message);
  }
}
