import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A web-chat visitor has no account and no provider signs their messages, so the server signs
 * their session instead: the token is an HMAC of (workspace, session id) under a server secret.
 * Whoever holds the token is that visitor; without the secret nobody can mint one for another
 * session. Rotating the secret ends every session.
 */
const version = 'wc1';

export function newSessionId(): string {
  // 128 random bits: unguessable. Lowercase hex because the runs console finds runs by contact
  // in lowercase (runs/run-filter.ts), and the session id is the web chat contact.
  return randomBytes(16).toString('hex');
}

function mac(secret: string, workspaceId: string, sessionId: string): string {
  return createHmac('sha256', secret).update(`webchat:${workspaceId}:${sessionId}`).digest('base64url');
}

export function issueSessionToken(secret: string, workspaceId: string, sessionId: string): string {
  return `${version}.${mac(secret, workspaceId, sessionId)}`;
}

export function verifySessionToken(
  secret: string,
  workspaceId: string,
  sessionId: string,
  token: string,
): boolean {
  const [prefix, given] = token.split('.');
  if (prefix !== version || !given) return false;
  const expected = Buffer.from(mac(secret, workspaceId, sessionId));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
