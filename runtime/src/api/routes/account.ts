import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq, gt, ne } from 'drizzle-orm';
import { getCookie } from 'hono/cookie';
import { sessions, userLanguages, users } from '@omniflow/db';
import { hashPassword, verifyPassword } from '../../auth/passwords.ts';
import { hashToken } from '../../auth/tokens.ts';
import { lazyKeyring, loadSecretKeyring } from '../../credentials/secret-keyring.ts';
import { passwordProblem } from '../../people/password-policy.ts';
import { peopleError } from '../people-text.ts';
import { listPeople, personSchema } from '../../people/person-view.ts';
import {
  confirmTotpEnrolment,
  recoveryCodesLeft,
  removeSecondFactor,
  startTotpEnrolment,
} from '../../people/second-factor.ts';
import { sessionExpired } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { sessionCookie } from '../authenticate.ts';
import { readerLanguage, type ReaderLanguage } from '../reader-language.ts';
import {
  conflictResponse,
  errorResponses,
  errorSchema,
  idParam,
  json,
  notFoundResponse,
} from '../schemas.ts';

const forbidden = {
  403: json(errorSchema, 'Only a person signed in (not an API key) manages their account'),
};
const unprocessable = { 422: json(errorSchema, 'The password does not meet the policy, or a code is wrong') };

const password = z.string().min(1, 'Enter a password').max(1024, 'A password has at most 1024 characters');

const sessionSchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string().nullable(),
    expiresAt: z.string(),
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
    current: z.boolean().describe('The session this request came with'),
  })
  .openapi('Session');

const routes = {
  get: createRoute({
    method: 'get',
    path: '/account',
    tags: ['account'],
    summary: 'Your own profile, and whether your second factor is on',
    responses: {
      200: json(
        z.object({
          person: personSchema,
          secondFactor: z.object({ enabled: z.boolean(), recoveryCodesLeft: z.number().int() }),
        }),
        'You',
      ),
      ...errorResponses,
      ...forbidden,
    },
  }),
  update: createRoute({
    method: 'patch',
    path: '/account',
    tags: ['account'],
    summary: 'Change your own name or language',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              name: z.string().trim().min(1, 'Enter your name').max(200).optional(),
              language: z.enum(userLanguages).optional(),
            }),
          },
        },
      },
    },
    responses: { 200: json(z.object({ person: personSchema }), 'Changed'), ...errorResponses, ...forbidden },
  }),
  password: createRoute({
    method: 'post',
    path: '/account/password',
    tags: ['account'],
    summary: 'Change your password (your other sessions end)',
    request: {
      body: {
        required: true,
        content: {
          'application/json': { schema: z.object({ currentPassword: password, newPassword: password }) },
        },
      },
    },
    responses: { 204: { description: 'Changed' }, ...errorResponses, ...forbidden, ...unprocessable },
  }),
  sessions: createRoute({
    method: 'get',
    path: '/account/sessions',
    tags: ['account'],
    summary: 'Your open sessions: when they began, were last used, from where and with what',
    responses: {
      200: json(z.object({ items: z.array(sessionSchema) }), 'Sessions'),
      ...errorResponses,
      ...forbidden,
    },
  }),
  endSession: createRoute({
    method: 'delete',
    path: '/account/sessions/{id}',
    tags: ['account'],
    summary: 'End one of your sessions (the current one signs you out)',
    request: { params: idParam },
    responses: { 204: { description: 'Ended' }, ...errorResponses, ...forbidden, ...notFoundResponse },
  }),
  startTotp: createRoute({
    method: 'post',
    path: '/account/second-factor',
    tags: ['account'],
    summary: 'Start setting up a second factor: a secret and its QR code for an authenticator app',
    description: 'Not in force until a code from the app is confirmed (`/account/second-factor/confirm`).',
    responses: {
      200: json(
        z.object({
          secret: z.string().describe('Base32, to type into the app by hand'),
          uri: z.string().describe('The otpauth:// URI the QR code holds'),
          qrSvg: z.string().describe('The QR code as an SVG document, drawn on this server'),
        }),
        'Started',
      ),
      ...errorResponses,
      ...forbidden,
      ...conflictResponse,
    },
  }),
  confirmTotp: createRoute({
    method: 'post',
    path: '/account/second-factor/confirm',
    tags: ['account'],
    summary:
      'Confirm the second factor with a code from the app; answers ten one-time recovery codes, shown once',
    request: {
      body: {
        required: true,
        content: {
          'application/json': { schema: z.object({ code: z.string().min(1, 'Enter the code').max(20) }) },
        },
      },
    },
    responses: {
      200: json(z.object({ recoveryCodes: z.array(z.string()) }), 'In force'),
      ...errorResponses,
      ...forbidden,
      ...conflictResponse,
      ...unprocessable,
    },
  }),
  removeTotp: createRoute({
    method: 'delete',
    path: '/account/second-factor',
    tags: ['account'],
    summary: 'Turn your second factor off (your password is asked again)',
    request: {
      body: { required: true, content: { 'application/json': { schema: z.object({ password }) } } },
    },
    responses: {
      204: { description: 'Turned off' },
      ...errorResponses,
      ...forbidden,
      ...conflictResponse,
      ...unprocessable,
    },
  }),
};

/** What a signed-in person does to their own account. */
export function accountRoutes(deps: AppDeps) {
  const keyring = deps.secretKeyring ?? lazyKeyring(() => loadSecretKeyring());

  const me = async (
    c: { get: (k: 'principal') => AppEnv['Variables']['principal'] },
    language: ReaderLanguage,
  ) => {
    const principal = c.get('principal');
    if (principal.via !== 'session' || !principal.userId)
      throw peopleError(403, 'FORBIDDEN', 'signedInByKey', language);
    const [user] = await deps.db.select().from(users).where(eq(users.id, principal.userId));
    if (!user) throw sessionExpired();
    return user;
  };
  const languageOf = (c: { req: { header: (n: string) => string | undefined } }) =>
    readerLanguage(c.req.header('accept-language'));
  const personOf = async (user: typeof users.$inferSelect) =>
    (await listPeople(deps.db, user.workspaceId, user.id))[0]!;

  return new OpenAPIHono<AppEnv>()
    .openapi(routes.get, async (c) => {
      const user = await me(c, languageOf(c));
      return c.json(
        {
          person: await personOf(user),
          secondFactor: {
            enabled: user.totpEnabledAt !== null,
            recoveryCodesLeft: user.totpEnabledAt ? await recoveryCodesLeft(deps.db, user.id) : 0,
          },
        },
        200,
      );
    })
    .openapi(routes.update, async (c) => {
      const user = await me(c, languageOf(c));
      const { name, language } = c.req.valid('json');
      const changes = {
        ...(name !== undefined ? { name } : {}),
        ...(language !== undefined ? { language } : {}),
      };
      // An empty body changes nothing; drizzle refuses an empty SET (it would answer 500).
      if (Object.keys(changes).length > 0)
        await deps.db.update(users).set(changes).where(eq(users.id, user.id));
      return c.json({ person: await personOf(user) }, 200);
    })
    .openapi(routes.password, async (c) => {
      const language = languageOf(c);
      const user = await me(c, language);
      const { currentPassword, newPassword } = c.req.valid('json');
      if (!(await verifyPassword(user.passwordHash, currentPassword)))
        throw peopleError(422, 'CURRENT_PASSWORD_WRONG', 'currentPasswordWrong', language);
      const problem = passwordProblem(newPassword, user.email);
      if (problem) throw peopleError(422, problem.code, problem.text, language, problem.params);
      const current = hashToken(getCookie(c, sessionCookie) ?? '');
      await deps.db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash: await hashPassword(newPassword) })
          .where(eq(users.id, user.id));
        // Whoever may have learnt the old password is signed out everywhere but here.
        await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.tokenHash, current)));
      });
      return c.body(null, 204);
    })
    .openapi(routes.sessions, async (c) => {
      const user = await me(c, languageOf(c));
      const current = hashToken(getCookie(c, sessionCookie) ?? '');
      const rows = await deps.db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, user.id), gt(sessions.expiresAt, new Date())))
        .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
      return c.json(
        {
          items: rows.map((s) => ({
            id: s.id,
            createdAt: s.createdAt.toISOString(),
            lastSeenAt: s.lastSeenAt?.toISOString() ?? null,
            expiresAt: s.expiresAt.toISOString(),
            ipAddress: s.ipAddress,
            userAgent: s.userAgent,
            current: s.tokenHash === current,
          })),
        },
        200,
      );
    })
    .openapi(routes.endSession, async (c) => {
      const language = languageOf(c);
      const user = await me(c, language);
      const ended = await deps.db
        .delete(sessions)
        .where(and(eq(sessions.id, c.req.valid('param').id), eq(sessions.userId, user.id)))
        .returning({ id: sessions.id });
      if (ended.length === 0) throw peopleError(404, 'NOT_FOUND', 'sessionNotFound', language);
      return c.body(null, 204);
    })
    .openapi(routes.startTotp, async (c) => {
      const language = languageOf(c);
      const user = await me(c, language);
      if (user.totpEnabledAt) throw peopleError(409, 'SECOND_FACTOR_ON', 'secondFactorOn', language);
      return c.json(await startTotpEnrolment(deps.db, keyring(), user), 200);
    })
    .openapi(routes.confirmTotp, async (c) => {
      const language = languageOf(c);
      const user = await me(c, language);
      if (user.totpEnabledAt) throw peopleError(409, 'SECOND_FACTOR_ON', 'secondFactorOn', language);
      if (!user.totpSecret)
        throw peopleError(409, 'SECOND_FACTOR_NOT_STARTED', 'secondFactorNotStarted', language);
      const codes = await confirmTotpEnrolment(deps.db, keyring(), user.id, c.req.valid('json').code);
      if (!codes) throw peopleError(422, 'CODE_WRONG', 'codeWrong', language);
      return c.json({ recoveryCodes: codes }, 200);
    })
    .openapi(routes.removeTotp, async (c) => {
      const language = languageOf(c);
      const user = await me(c, language);
      if (!user.totpEnabledAt) throw peopleError(409, 'SECOND_FACTOR_OFF', 'secondFactorOff', language);
      if (!(await verifyPassword(user.passwordHash, c.req.valid('json').password)))
        throw peopleError(422, 'CURRENT_PASSWORD_WRONG', 'currentPasswordWrong', language);
      await removeSecondFactor(deps.db, user.id);
      return c.body(null, 204);
    });
}
