import { timingSafeEqual } from 'node:crypto';

export type SubscriptionQuery = URLSearchParams | Record<string, string | undefined>;

function param(query: SubscriptionQuery, name: string): string | undefined {
  return query instanceof URLSearchParams ? (query.get(name) ?? undefined) : query[name];
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Meta's webhook verification request (GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…):
 * the challenge to answer with 200 when the token is ours, otherwise null (answer 403).
 */
export function verifySubscription(query: SubscriptionQuery, verifyToken: string): string | null {
  const challenge = param(query, 'hub.challenge');
  const token = param(query, 'hub.verify_token');
  if (param(query, 'hub.mode') !== 'subscribe' || !challenge || token === undefined) return null;
  return sameSecret(token, verifyToken) ? challenge : null;
}
