import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header every status notice carries (README "Status webhook" tells receivers how to check it). */
export const signatureHeader = 'Omniflow-Signature';

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as Stripe signs its webhooks: the time
 * is inside what is signed, so a captured notice replayed later fails the receiver's age check.
 */
export function signStatusNotice(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmacOf(secret, t, body)}`;
}

/**
 * A receiver's check: the header names a time within `toleranceSeconds` of `now`, and one of its
 * `v1` values is the HMAC of that time and the exact bytes received.
 */
export function verifyStatusNotice(
  secret: string,
  header: string | undefined,
  body: string,
  { now = new Date(), toleranceSeconds = 300 }: { now?: Date; toleranceSeconds?: number } = {},
): boolean {
  if (!header) return false;
  const parts = header.split(',').map((p) => p.trim().split('=', 2) as [string, string | undefined]);
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacOf(secret, t, body), 'hex');
  return parts.some(([k, v]) => {
    if (k !== 'v1' || !v || !/^[0-9a-f]{64}$/i.test(v)) return false;
    return timingSafeEqual(Buffer.from(v, 'hex'), expected);
  });
}

function hmacOf(secret: string, t: number, body: string): string {
  return createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
}
