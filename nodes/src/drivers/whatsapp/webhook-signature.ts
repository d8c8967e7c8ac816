import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookRequest } from '../messaging/messaging-driver.ts';

const signaturePattern = /^sha256=([0-9a-f]{64})$/i;

function header(headers: WebhookRequest['headers'], name: string): string | undefined {
  // HTTP header names are case-insensitive; frameworks hand them over in either case.
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** `sha256=` + the hex HMAC-SHA256 of the raw body with the app secret, as Meta signs webhooks. */
export function signWebhookBody(rawBody: string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody, 'utf8').digest('hex')}`;
}

/**
 * True when `X-Hub-Signature-256` is Meta's signature of exactly this body. The body must be the
 * bytes as received: Meta signs its escaped-unicode JSON, and re-serialising parsed JSON would
 * change them. The comparison takes constant time so the signature cannot be guessed byte by byte.
 */
export function verifyWebhookSignature(request: WebhookRequest, appSecret: string): boolean {
  const match = signaturePattern.exec(header(request.headers, 'x-hub-signature-256')?.trim() ?? '');
  if (!match?.[1]) return false;
  const received = Buffer.from(match[1], 'hex');
  const expected = createHmac('sha256', appSecret).update(request.rawBody, 'utf8').digest();
  return timingSafeEqual(received, expected);
}
