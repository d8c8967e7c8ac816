import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { deleteCookie, getCookie } from 'hono/cookie';
import { sessions, userRoles, users } from '@omniflow/db';
import { verifyPasswordOf } from '../../auth/passwords.ts';
import {
  claimSignInAttempt,
  defaultSignInLimits,
  forgiveSignInAttempt,
  type SignInSubject,
} from '../../auth/sign-in-throttle.ts';
import { hashToken } from '../../auth/tokens.ts';
import { openSession } from '../open-session.ts';
import { auditSignIn } from '../sign-in-audit.ts';
import { afterPassword, secondFactorStep } from '../after-password.ts';
import { readerLanguage } from '../reader-language.ts';
import { ApiError, errorBody } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { sessionCookie } from '../authenticate.ts';
import { clientAddress } from '../client-address.ts';
import { membershipOf } from '../../workspaces/memberships.ts';
import { errorResponses, errorSchema, json } from '../schemas.ts';
import { permissions } from '../../auth/permissions.ts';
import { principalPermissions } from '../principal-permissions.ts';

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
            // Bounded: the email is stored as a lockout key, and argon2 hashes the whole password.
            email: z.string().min(1, 'Enter your email').max(320, 'An email has at most 320 characters'),
            password: z
              .string()
              .min(1, 'Enter your password')
              .max(1024, 'A password has at most 1024 characters'),
          }),
        },
      },
    },
  },
  responses: {
    200: json(
      z.object({
        // A union, not .nullable(): that would make the shared User schema nullable everywhere.
        user: z.union([userSchema, z.null()]),
        secondFactor: secondFactorStep
          .optional()
          .describe(
            'Set (and `user` null) when the person has a second factor: send the code to /auth/second-factor',
          ),
      }),
      'Signed in, or the password was right and a second factor is asked',
    ),
    403: json(errorSchema, 'The account is deactivated'),
    ...errorResponses,
    429: json(
      errorSchema,
      'Too many failed attempts for this account or from this address: locked for `Retry-After` seconds (also `details.retryAfterSeconds`), even for the right password',
    ),
  },
});

/** "3 minutes", "1 minute": how long a lock has left, for the message. */
const minutesText = (seconds: number) => {
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
};

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'End the current session',
  responses: { 204: { description: 'Signed out' } },
});

/** Routes that work without being signed in. */
export function publicAuthRoutes(deps: AppDeps) {
  const limits = { ...defaultSignInLimits, ...deps.signInLimits };
  const trustProxy = deps.trustProxy ?? process.env.OMNIFLOW_TRUST_PROXY === '1';
  const now = deps.now ?? (() => new Date());
  return new OpenAPIHono()
    .openapi(login, async (c) => {
      const { email, password } = c.req.valid('json');
      const subject: SignInSubject = { email, address: clientAddress(c, trustProxy) };
      const claim = await claimSignInAttempt(deps.db, subject, now(), limits);
      if (!claim.allowed) {
        const retryAfterSeconds = Math.ceil(claim.retryAfterMs / 1000);
        return c.json(
          errorBody(
            'SIGN_IN_LOCKED',
            `Too many failed sign-ins; try again in ${minutesText(retryAfterSeconds)}`,
            { retryAfterSeconds },
          ),
          429,
          { 'retry-after': String(retryAfterSeconds) },
        );
      }
      const [user] = await deps.db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
      // The same answer, after the same work, for an unknown email and a wrong password: no probing.
      if (!(await verifyPasswordOf(user?.passwordHash, password)) || !user) {
        if (user) await auditSignIn(c, deps, user, user.workspaceId, 'user.sign-in-failed');
        throw new ApiError(401, 'LOGIN_FAILED', {
          en: 'The email or password is not right',
          es: 'El correo o la contraseña no son correctos',
        });
      }
      const next = await afterPassword(deps, user, readerLanguage(c.req.header('accept-language')));
      // With a second factor the attempt stays counted until the code is right (person-links.ts):
      // knowing the password must not reset the lockout that guards the six digits.
      if (next.secondFactor) return c.json({ user: null, secondFactor: next.secondFactor }, 200);
      await forgiveSignInAttempt(deps.db, subject, limits);
      const { workspaceId, role } = await openSession(c, deps, user);
      const { id, name } = user;
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
    200: json(
      z.object({
        user: userSchema.nullable(),
        via: z.string(),
        role: z.enum(userRoles).describe('The caller’s role: a person’s, or a key’s'),
        permissions: z
          .array(z.enum(permissions).openapi('Permission'))
          .describe(
            'What the caller may do now (a key: only what its maker may do too); the app offers only these',
          ),
      }),
      'The caller',
    ),
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
              // The workspace the caller acts in and their role there (a person may belong to several).
              role: (await membershipOf(deps.db, user.id, principal.workspaceId))?.role ?? user.role,
              workspaceId: principal.workspaceId,
            }
          : null,
        via: principal.via,
        role: principal.role,
        permissions: principalPermissions(principal),
      },
      200,
    );
  });
}
