import { and, eq, gt, isNull } from 'drizzle-orm';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { sessions, users } from '@omniflow/db';
import { bearerPrincipal } from './bearer-principal.ts';
import { hashToken } from '../auth/tokens.ts';
import { touchSession } from '../auth/touch-session.ts';
import { ApiError } from './api-error.ts';
import type { AppDeps, AppEnv } from './app-deps.ts';

export const sessionCookie = 'omniflow_session';

// A deactivated person's sessions are deleted at once; this also refuses any that raced it.
const active = isNull(users.deactivatedAt);
const seen = { id: sessions.id, lastSeenAt: sessions.lastSeenAt };

/** Every route behind this needs a live session cookie, or a live API key or OAuth access token. */
export function authenticate(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    if (header) {
      c.set('principal', await bearerPrincipal(deps, c, header));
      return next();
    }
    const token = getCookie(c, sessionCookie);
    if (token) {
      const [session] = await deps.db
        .select({ workspaceId: sessions.workspaceId, userId: sessions.userId, role: users.role, ...seen })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date()), active));
      if (session) {
        const { id, lastSeenAt, ...caller } = session;
        touchSession(deps.db, id, lastSeenAt);
        c.set('principal', { ...caller, via: 'session' });
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
