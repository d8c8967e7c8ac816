import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { apiKeyCacheOf } from './api-key-cache.ts';
import { hashToken } from '../auth/tokens.ts';
import { ApiError } from './api-error.ts';
import { sessionMembership } from '../workspaces/session-membership.ts';
import type { AppDeps, AppEnv } from './app-deps.ts';

export const sessionCookie = 'omniflow_session';

/** Every route behind this needs a live session cookie or a non-revoked API key. */
export function authenticate(deps: AppDeps) {
  const keys = apiKeyCacheOf(deps.db);
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1])
        throw new ApiError(401, 'UNAUTHENTICATED', 'Send the API key as "Authorization: Bearer <key>"');
      const key = await keys.lookup(hashToken(match[1]));
      if (!key)
        throw new ApiError(401, 'API_KEY_INVALID', 'This API key is unknown or revoked; create a new one');
      keys.markUsed(key.id);
      c.set('principal', {
        workspaceId: key.workspaceId,
        userId: key.createdBy,
        via: 'api-key',
        apiKeyId: key.id,
        role: key.role,
      });
      return next();
    }
    const token = getCookie(c, sessionCookie);
    if (token) {
      const session = await sessionMembership(deps.db, hashToken(token));
      if (session.found === 'member') {
        const { workspaceId, userId, role } = session;
        c.set('principal', { workspaceId, userId, role, via: 'session' });
        return next();
      }
      if (session.found === 'not-member')
        throw new ApiError(
          401,
          'NOT_A_MEMBER',
          'You are no longer a member of this workspace; sign in again',
        );
      throw new ApiError(401, 'SESSION_EXPIRED', 'Your session has expired; sign in again');
    }
    throw new ApiError(
      401,
      'UNAUTHENTICATED',
      'Sign in, or send an API key as "Authorization: Bearer <key>"',
    );
  });
}
