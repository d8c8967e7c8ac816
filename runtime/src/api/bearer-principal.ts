import type { Context } from 'hono';
import { hashToken, isOAuthAccessToken } from '../auth/tokens.ts';
import { apiKeyCacheOf } from './api-key-cache.ts';
import { ApiError } from './api-error.ts';
import type { AppDeps, Principal } from './app-deps.ts';
import { clientIp } from './client-address.ts';

/**
 * Who an `Authorization: Bearer …` header speaks for: an API key or an OAuth access token, live
 * and unexpired. The use (time and address) is recorded in batches (api-key-cache.ts).
 */
export async function bearerPrincipal(deps: AppDeps, c: Context, header: string): Promise<Principal> {
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1])
    throw new ApiError(401, 'UNAUTHENTICATED', 'Send the API key as "Authorization: Bearer <key>"');
  const token = match[1];
  const oauth = isOAuthAccessToken(token);
  const keys = apiKeyCacheOf(deps.db);
  const key = await keys.lookup(hashToken(token), oauth ? 'oauth-token' : 'api-key');
  const refuse = (code: string, message: string) => {
    // RFC 6750 §3: a refused access token is named in WWW-Authenticate.
    if (oauth) c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
    return new ApiError(401, code, message);
  };
  if (!key)
    throw oauth
      ? refuse(
          'OAUTH_TOKEN_INVALID',
          'This access token is unknown or its client was revoked; ask for a new one at /api/v1/oauth/token',
        )
      : refuse('API_KEY_INVALID', 'This API key is unknown or revoked; create a new one');
  const now = deps.now?.() ?? new Date();
  if (key.expiresAt && key.expiresAt <= now)
    throw oauth
      ? refuse(
          'OAUTH_TOKEN_EXPIRED',
          `This access token expired at ${key.expiresAt.toISOString()}; ask for a new one at /api/v1/oauth/token`,
        )
      : refuse(
          'API_KEY_EXPIRED',
          `This API key expired at ${key.expiresAt.toISOString()}; ask an admin for a new one`,
        );
  keys.markUsed(key, clientIp(c, deps.trustProxy ?? process.env.OMNIFLOW_TRUST_PROXY === '1'));
  return {
    workspaceId: key.workspaceId,
    userId: key.createdBy,
    role: key.role,
    ...(oauth ? { via: 'oauth', oauthClientId: key.id } : { via: 'api-key', apiKeyId: key.id }),
    ...(key.scopes ? { scopes: key.scopes } : {}),
    ...(key.cappedBy ? { cappedBy: key.cappedBy } : {}),
  };
}
