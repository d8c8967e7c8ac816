import { createHash, randomBytes } from 'node:crypto';

/**
 * A new secret token with a readable prefix: `of_key_…` for API keys, `of_ses_…` for sessions,
 * `of_cs_…` for OAuth client secrets and `of_oat_…` for the access tokens issued with them.
 */
export function newToken(kind: 'key' | 'ses' | 'cs' | 'oat'): string {
  return `of_${kind}_${randomBytes(32).toString('base64url')}`;
}

/** Tokens carry 256 random bits, so a fast hash is enough to make a stolen table useless. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether a bearer token is an OAuth access token (else it is taken for an API key). */
export const isOAuthAccessToken = (token: string) => token.startsWith('of_oat_');
