import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { newId, sessions, users } from '@omniflow/db';
import { verifyPassword } from '../../auth/passwords.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import { ApiError } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { sessionCookie } from '../authenticate.ts';
import { errorResponses, json } from '../schemas.ts';

const userSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), role: z.string(), workspaceId: z.string() })
  .openapi('User');

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Sign in with email and password; sets the session cookie',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            email: z.string().min(1, 'Enter your email'),
            password: z.string().min(1, 'Enter your password'),
          }),
        },
      },
    },
  },
  responses: { 200: json(z.object({ user: userSchema }), 'Signed in'), ...errorResponses },
});

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'End the current session',
  responses: { 204: { description: 'Signed out' } },
});

/** Routes that work without being signed in. */
export function publicAuthRoutes(deps: AppDeps) {
  const ttl = deps.sessionTtlMs ?? 7 * 24 * 3600 * 1000;
  return new OpenAPIHono()
    .openapi(login, async (c) => {
      const { email, password } = c.req.valid('json');
      const [user] = await deps.db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
      // The same answer for an unknown email and a wrong password: no account probing.
      if (!user || !(await verifyPassword(user.passwordHash, password))) {
        throw new ApiError(401, 'LOGIN_FAILED', 'The email or password is not right');
      }
      const token = newToken('ses');
      await deps.db.insert(sessions).values({
        id: newId(),
        workspaceId: user.workspaceId,
        userId: user.id,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + ttl),
      });
      setCookie(c, sessionCookie, token, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: deps.secureCookies ?? false,
        maxAge: Math.floor(ttl / 1000),
      });
      const { id, name, role, workspaceId } = user;
      return c.json({ user: { id, email: user.email, name, role, workspaceId } }, 200);
    })
    .openapi(logout, async (c) => {
      const token = getCookie(c, sessionCookie);
      if (token) await deps.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
      deleteCookie(c, sessionCookie, { path: '/' });
      return c.body(null, 204);
    });
}

const me = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['auth'],
  summary: 'Who is signed in',
  responses: {
    200: json(z.object({ user: userSchema.nullable(), via: z.string() }), 'The caller'),
    ...errorResponses,
  },
});

export function authRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>().openapi(me, async (c) => {
    const principal = c.get('principal');
    const [user] = principal.userId
      ? await deps.db.select().from(users).where(eq(users.id, principal.userId))
      : [];
    return c.json(
      {
        user: user
          ? {
              id: user.id,
              email: user.email,
              name: user.name,
              role: user.role,
              workspaceId: user.workspaceId,
            }
          : null,
        via: principal.via,
      },
      200,
    );
  });
}
