import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { sessions, users, userLanguages } from '@omniflow/db';
import { hashPassword } from '../../auth/passwords.ts';
import {
  claimSignInAttempt,
  defaultSignInLimits,
  forgiveSignInAttempt,
  type SignInSubject,
} from '../../auth/sign-in-throttle.ts';
import { openSession } from '../open-session.ts';
import { lazyKeyring, loadSecretKeyring } from '../../credentials/secret-keyring.ts';
import { acceptInvitation, findInvitation } from '../../people/invite-person.ts';
import { findUserToken, useUserToken } from '../../people/one-time-tokens.ts';
import { passwordProblem } from '../../people/password-policy.ts';
import { peopleError } from '../people-text.ts';
import { checkSecondFactor } from '../../people/second-factor.ts';
import { errorBody } from '../api-error.ts';
import type { AppDeps } from '../app-deps.ts';
import { clientAddress } from '../client-address.ts';
import { readerLanguage, type ReaderLanguage } from '../reader-language.ts';
import { errorResponses, errorSchema, json } from '../schemas.ts';

const token = z.string().min(1, 'The link has no token; open it again from the mail').max(200);
const password = z.string().min(1, 'Enter a password').max(1024, 'A password has at most 1024 characters');
const body = <T extends z.ZodRawShape>(shape: T) => ({
  body: { required: true, content: { 'application/json': { schema: z.object(shape) } } },
});

const signedIn = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.string(),
    workspaceId: z.string(),
  }),
});
const linkRefused = {
  404: json(errorSchema, 'The link is not valid or was already used'),
  410: json(errorSchema, 'The link has expired'),
};
const policyRefused = {
  422: json(errorSchema, 'The password does not meet the policy (length, leaked-password list)'),
};
const who = z.object({ email: z.string(), name: z.string(), language: z.enum(userLanguages) });

const routes = {
  invitation: createRoute({
    method: 'post',
    path: '/auth/invitations/preview',
    tags: ['auth'],
    summary: 'Who an invitation link is for (the token travels in the body, never in a URL)',
    request: body({ token }),
    responses: { 200: json(who, 'The invitation'), ...errorResponses, ...linkRefused },
  }),
  accept: createRoute({
    method: 'post',
    path: '/auth/invitations/accept',
    tags: ['auth'],
    summary: 'Accept an invitation with the password the person chose; signs them in',
    request: body({ token, password }),
    responses: { 200: json(signedIn, 'Welcome'), ...errorResponses, ...linkRefused, ...policyRefused },
  }),
  reset: createRoute({
    method: 'post',
    path: '/auth/password-resets/preview',
    tags: ['auth'],
    summary: 'Who a password reset link is for',
    request: body({ token }),
    responses: { 200: json(who, 'The person'), ...errorResponses, ...linkRefused },
  }),
  completeReset: createRoute({
    method: 'post',
    path: '/auth/password-resets/complete',
    tags: ['auth'],
    summary: 'Set a new password from a reset link; ends the person’s other sessions and signs them in',
    request: body({ token, password }),
    responses: { 200: json(signedIn, 'Changed'), ...errorResponses, ...linkRefused, ...policyRefused },
  }),
  secondFactor: createRoute({
    method: 'post',
    path: '/auth/second-factor',
    tags: ['auth'],
    summary: 'The second step of a sign-in: a code from the authenticator app, or a recovery code',
    description: '`token` is the `secondFactor.token` the password step answered; it lasts 5 minutes.',
    request: body({ token, code: z.string().min(1, 'Enter the code').max(40) }),
    responses: {
      200: json(signedIn, 'Signed in'),
      ...errorResponses,
      ...linkRefused,
      422: json(errorSchema, 'The code is not right'),
      429: json(errorSchema, 'Too many wrong codes or passwords: locked for `Retry-After` seconds'),
    },
  }),
};

const userView = (u: typeof users.$inferSelect) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  workspaceId: u.workspaceId,
});

/** Sign-in by link (invitation, password reset) and the second factor: no session needed. */
export function personLinkRoutes(deps: AppDeps) {
  const keyring = deps.secretKeyring ?? lazyKeyring(() => loadSecretKeyring());
  const limits = { ...defaultSignInLimits, ...deps.signInLimits };
  const trustProxy = deps.trustProxy ?? process.env.OMNIFLOW_TRUST_PROXY === '1';
  const now = deps.now ?? (() => new Date());
  const languageOf = (c: { req: { header: (n: string) => string | undefined } }) =>
    readerLanguage(c.req.header('accept-language'));

  const checkPolicy = (pw: string, email: string, language: ReaderLanguage) => {
    const problem = passwordProblem(pw, email);
    if (problem) throw peopleError(422, problem.code, problem.text, language, problem.params);
  };
  const invitationOf = async (t: string, language: ReaderLanguage) => {
    const found = await findInvitation(deps.db, t);
    if (found === 'expired') throw peopleError(410, 'LINK_EXPIRED', 'linkExpired', language);
    if (!found) throw peopleError(404, 'LINK_INVALID', 'linkInvalid', language);
    return found;
  };
  const resetOf = async (t: string, kind: 'password-reset' | 'second-factor', language: ReaderLanguage) => {
    const found = await findUserToken(deps.db, t, kind);
    if (found === 'expired') throw peopleError(410, 'LINK_EXPIRED', 'linkExpired', language);
    const [user] = found ? await deps.db.select().from(users).where(eq(users.id, found.userId)) : [];
    if (!found || !user) throw peopleError(404, 'LINK_INVALID', 'linkInvalid', language);
    if (user.deactivatedAt) throw peopleError(403, 'ACCOUNT_DEACTIVATED', 'deactivated', language);
    return { tokenId: found.id, user };
  };

  return new OpenAPIHono()
    .openapi(routes.invitation, async (c) => {
      const found = await invitationOf(c.req.valid('json').token, languageOf(c));
      return c.json({ email: found.email, name: found.name, language: found.language }, 200);
    })
    .openapi(routes.accept, async (c) => {
      const language = languageOf(c);
      const { token: t, password: pw } = c.req.valid('json');
      const found = await invitationOf(t, language);
      checkPolicy(pw, found.email, language);
      const outcome = await acceptInvitation(deps.db, found.id, await hashPassword(pw));
      if ('refused' in outcome)
        throw outcome.refused === 'email-taken'
          ? peopleError(409, 'EMAIL_TAKEN', 'emailTaken', language, { email: found.email })
          : peopleError(404, 'LINK_INVALID', 'linkInvalid', language);
      await openSession(c, deps, outcome.user);
      return c.json({ user: userView(outcome.user) }, 200);
    })
    .openapi(routes.reset, async (c) => {
      const { user } = await resetOf(c.req.valid('json').token, 'password-reset', languageOf(c));
      return c.json({ email: user.email, name: user.name, language: user.language }, 200);
    })
    .openapi(routes.completeReset, async (c) => {
      const language = languageOf(c);
      const { token: t, password: pw } = c.req.valid('json');
      const { tokenId, user } = await resetOf(t, 'password-reset', language);
      checkPolicy(pw, user.email, language);
      const passwordHash = await hashPassword(pw);
      if (!(await useUserToken(deps.db, tokenId)))
        throw peopleError(404, 'LINK_INVALID', 'linkInvalid', language);
      await deps.db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
        await tx.delete(sessions).where(eq(sessions.userId, user.id));
      });
      // A lockout from someone guessing the old password does not keep the owner out of the new one.
      await forgiveSignInAttempt(
        deps.db,
        { email: user.email, address: clientAddress(c, trustProxy) },
        limits,
      );
      await openSession(c, deps, user);
      return c.json({ user: userView(user) }, 200);
    })
    .openapi(routes.secondFactor, async (c) => {
      const language = languageOf(c);
      const { token: t, code } = c.req.valid('json');
      const { tokenId, user } = await resetOf(t, 'second-factor', language);
      // Wrong codes count like wrong passwords: six digits fall to guessing without a lock.
      const subject: SignInSubject = { email: user.email, address: clientAddress(c, trustProxy) };
      const claim = await claimSignInAttempt(deps.db, subject, now(), limits);
      if (!claim.allowed) {
        const retryAfterSeconds = Math.ceil(claim.retryAfterMs / 1000);
        const minutes = Math.ceil(retryAfterSeconds / 60);
        const message =
          language === 'es'
            ? `Demasiados intentos fallidos; vuelve a intentarlo en ${minutes} min`
            : `Too many failed sign-ins; try again in ${minutes} min`;
        return c.json(errorBody('SIGN_IN_LOCKED', message, { retryAfterSeconds }), 429, {
          'retry-after': String(retryAfterSeconds),
        });
      }
      if (!(await checkSecondFactor(deps.db, keyring(), user.id, code)))
        throw peopleError(422, 'CODE_WRONG', 'codeWrong', language);
      if (!(await useUserToken(deps.db, tokenId)))
        throw peopleError(404, 'LINK_INVALID', 'linkInvalid', language);
      await forgiveSignInAttempt(deps.db, subject, limits);
      await openSession(c, deps, user);
      return c.json({ user: userView(user) }, 200);
    });
}
