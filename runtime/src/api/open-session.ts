import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { newId, sessions } from '@omniflow/db';
import type { AppDeps } from './app-deps.ts';
import { sessionCookie } from './authenticate.ts';
import { auditSignIn } from './sign-in-audit.ts';
import { clientAddress } from './client-address.ts';
import { secureCookiesOf } from './public-origin.ts';
import { cameOverHttps } from './request-scheme.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { Role } from '../auth/roles.ts';
import { signInWorkspace } from '../workspaces/memberships.ts';

/**
 * Starts a session for a person who has just proved who they are (password, second factor, an
 * invitation or a reset link) and sets its cookie. Where from and with what is kept for their list
 * of sessions.
 */
export async function openSession(
  c: Context,
  deps: AppDeps,
  user: { id: string; workspaceId: string; role: Role; email: string; name: string },
): Promise<{ workspaceId: string; role: Role }> {
  const { workspaceId, role } = await signInWorkspace(deps.db, user);
  const ttl = deps.sessionTtlMs ?? 7 * 24 * 3600 * 1000;
  const trustProxy = deps.trustProxy ?? process.env.OMNIFLOW_TRUST_PROXY === '1';
  const token = newToken('ses');
  const now = new Date();
  await deps.db.insert(sessions).values({
    id: newId(),
    workspaceId,
    userId: user.id,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + ttl),
    lastSeenAt: now,
    ipAddress: clientAddress(c, trustProxy),
    userAgent: (c.req.header('user-agent') ?? '').slice(0, 512) || null,
  });
  setCookie(c, sessionCookie, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: secureCookiesOf(deps) || cameOverHttps(c.req.url, c.req.header('x-forwarded-proto'), trustProxy),
    maxAge: Math.floor(ttl / 1000),
  });
  await auditSignIn(c, deps, user, workspaceId, 'user.signed-in');
  return { workspaceId, role };
}
