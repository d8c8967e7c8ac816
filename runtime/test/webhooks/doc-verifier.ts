import { createHmac, timingSafeEqual } from 'node:crypto';

// A receiver's check written from docs/webhooks.md ("Verifying the signature") alone, not from
// Omniflow's code: if the documentation and the sender disagree, the tests using it fail.

export function verifyFromDocs(
  secret: string,
  header: string | undefined,
  rawBody: string,
  now = Date.now(),
): boolean {
  if (!header) return false;
  let t: string | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === 't') t = value;
    if (key === 'v1') signatures.push(value);
  }
  if (!/^\d+$/.test(t ?? '') || Math.abs(now / 1000 - Number(t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  return signatures.some((s) => {
    const given = Buffer.from(s, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
