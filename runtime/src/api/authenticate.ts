import { and, eq, gt } from 'drizzle-orm';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { sessions, users } from '@omniflow/db';
import { apiKeyCacheOf } from './api-key-cache.ts';
import { hashToken } from '../auth/tokens.ts';
import { ApiError } from './api-error.ts';
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
        ...(key.cappedBy ? { cappedBy: key.cappedBy } : {}),
      });
      return next();
    }
    const token = getCookie(c, sessionCookie);
    if (token) {
      const [session] = await deps.db
        .select({ workspaceId: sessions.workspaceId, userId: sessions.userId, role: users.role })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date())));
      if (session) {
        c.set('principal', { ...session, via: 'session' });
        return next();
      }
      throw new ApiError(401, 'SESSION_EXPIRED', 'Your session has expired; sign in again');
    }
    throw new ApiError(
      401,
      'UNAUTHENTICATED',
      'Sign in, or send an API key as "Authorization: Bearer <key>"',
    );
  });
}
