import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { bearerPrincipal } from './bearer-principal.ts';
import { hashToken } from '../auth/tokens.ts';
import { touchSession } from '../auth/touch-session.ts';
import { ApiError, sessionExpired } from './api-error.ts';
import { sessionMembership } from '../workspaces/session-membership.ts';
import type { AppDeps, AppEnv } from './app-deps.ts';

export const sessionCookie = 'omniflow_session';

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
      const session = await sessionMembership(deps.db, hashToken(token));
      if (session.found === 'member') {
        const { workspaceId, userId, role, sessionId, lastSeenAt } = session;
        touchSession(deps.db, sessionId, lastSeenAt);
        c.set('principal', { workspaceId, userId, role, via: 'session' });
        return next();
      }
      if (session.found === 'not-member')
        throw new ApiError(401, 'NOT_A_MEMBER', {
          en: 'You are no longer a member of this workspace; sign in again',
          es: 'Ya no eres miembro de este espacio de trabajo; vuelve a iniciar sesión',
        });
      throw sessionExpired();
    }
    throw new ApiError(401, 'UNAUTHENTICATED', {
      en: 'Sign in, or send an API key as "Authorization: Bearer <key>"',
      es: 'Inicia sesión o envía una clave de API como "Authorization: Bearer <clave>"',
    });
  });
}
