import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, eq, isNull } from 'drizzle-orm';
import { invitations, sessions, userLanguages, userRoles, users } from '@omniflow/db';
import { invitePerson, invitationTtlMs } from '../../people/invite-person.ts';
import { issueUserToken } from '../../people/one-time-tokens.ts';
import { mailPerson } from '../people-mail.ts';
import { peopleError, peopleMessage } from '../people-text.ts';
import { linkExpiryText, personLink } from '../person-link-url.ts';
import { invitationSchema, listOpenInvitations, listPeople, personSchema } from '../../people/person-view.ts';
import { removeSecondFactor } from '../../people/second-factor.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { readerLanguage } from '../reader-language.ts';
import {
  conflictResponse,
  errorResponses,
  errorSchema,
  idParam,
  json,
  notFoundResponse,
} from '../schemas.ts';

/** A reset link is good for a day: shorter than an invitation, which may wait for a start date. */
const resetTtlMs = 24 * 3600 * 1000;

const forbidden = { 403: json(errorSchema, 'Only an admin manages people') };

const handOver = z
  .object({
    mailed: z.boolean().describe('The link went by mail through the workspace’s email channel'),
    link: z
      .string()
      .optional()
      .describe('Only when it was not mailed (no email channel, or the send failed): hand it over yourself'),
    mailError: z.string().optional().describe('Why the mail could not be sent, when it was tried'),
  })
  .openapi('LinkHandOver');

const routes = {
  list: createRoute({
    method: 'get',
    path: '/people',
    tags: ['people'],
    summary: 'The workspace’s people and open invitations (admins)',
    responses: {
      200: json(
        z.object({
          items: z.array(personSchema),
          invitations: z.array(invitationSchema),
          roles: z.array(z.enum(userRoles)).describe('The roles a person can be given, most to least'),
        }),
        'People',
      ),
      ...errorResponses,
      ...forbidden,
    },
  }),
  invite: createRoute({
    method: 'post',
    path: '/people/invitations',
    tags: ['people'],
    summary: 'Invite a person by email: they choose their password from the link (valid 7 days)',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              email: z.email({ message: 'Enter an email like ana@example.org' }).max(320),
              name: z.string().trim().min(1, 'Enter the person’s name').max(200),
              language: z.enum(userLanguages),
              role: z.enum(userRoles),
            }),
          },
        },
      },
    },
    responses: {
      201: json(z.object({ invitation: invitationSchema }).merge(handOver), 'Invited'),
      ...errorResponses,
      ...forbidden,
      ...conflictResponse,
    },
  }),
  revokeInvitation: createRoute({
    method: 'delete',
    path: '/people/invitations/{id}',
    tags: ['people'],
    summary: 'Revoke an open invitation: its link stops working',
    request: { params: idParam },
    responses: { 204: { description: 'Revoked' }, ...errorResponses, ...forbidden, ...notFoundResponse },
  }),
  update: createRoute({
    method: 'patch',
    path: '/people/{id}',
    tags: ['people'],
    summary: 'Change a person’s name, language or role, or deactivate/reactivate them',
    description:
      'Deactivating ends their sessions at once and refuses their sign-in until reactivated. An admin cannot deactivate themselves or change their own role.',
    request: {
      params: idParam,
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              name: z.string().trim().min(1, 'Enter the person’s name').max(200).optional(),
              language: z.enum(userLanguages).optional(),
              role: z.enum(userRoles).optional(),
              status: z.enum(['active', 'deactivated']).optional(),
            }),
          },
        },
      },
    },
    responses: {
      200: json(z.object({ person: personSchema }), 'Changed'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
      ...conflictResponse,
    },
  }),
  resetPassword: createRoute({
    method: 'post',
    path: '/people/{id}/password-reset',
    tags: ['people'],
    summary: 'Send a person a link to choose a new password (valid 24 hours)',
    description:
      'Their current password keeps working until they use the link; using it ends their other sessions.',
    request: { params: idParam },
    responses: { 200: json(handOver, 'Link made'), ...errorResponses, ...forbidden, ...notFoundResponse },
  }),
  endSessions: createRoute({
    method: 'delete',
    path: '/people/{id}/sessions',
    tags: ['people'],
    summary: 'End all of a person’s sessions (they must sign in again)',
    request: { params: idParam },
    responses: { 204: { description: 'Ended' }, ...errorResponses, ...forbidden, ...notFoundResponse },
  }),
  resetSecondFactor: createRoute({
    method: 'delete',
    path: '/people/{id}/second-factor',
    tags: ['people'],
    summary: 'Turn off a person’s second factor (a lost phone); they sign in with the password alone',
    request: { params: idParam },
    responses: { 204: { description: 'Turned off' }, ...errorResponses, ...forbidden, ...notFoundResponse },
  }),
};

/** Admins manage the people of their workspace: invitations, roles, deactivation, resets. */
export function peopleRoutes(deps: AppDeps) {
  const personIn = async (workspaceId: string, id: string, language: 'es' | 'en') => {
    const [user] = await deps.db
      .select()
      .from(users)
      .where(and(eq(users.id, id), eq(users.workspaceId, workspaceId)));
    if (!user) throw peopleError(404, 'NOT_FOUND', 'userNotFound', language);
    return user;
  };

  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => {
      const principal = c.get('principal');
      const [items, open] = await Promise.all([
        listPeople(deps.db, principal.workspaceId),
        listOpenInvitations(deps.db, principal.workspaceId),
      ]);
      return c.json({ items, invitations: open, roles: [...userRoles] }, 200);
    })
    .openapi(routes.invite, async (c) => {
      const principal = c.get('principal');
      const language = readerLanguage(c.req.header('accept-language'));
      const input = c.req.valid('json');
      const outcome = await invitePerson(deps.db, principal.workspaceId, principal.userId, input);
      if ('refused' in outcome) {
        const email = input.email.trim().toLowerCase();
        throw outcome.refused === 'email-taken'
          ? peopleError(409, 'EMAIL_TAKEN', 'emailTaken', language, { email })
          : peopleError(409, 'INVITATION_PENDING', 'invitationPending', language, { email });
      }
      const { id, token, expiresAt } = outcome.invited;
      const [inviter] = principal.userId
        ? await deps.db
            .select({ name: users.name, email: users.email })
            .from(users)
            .where(eq(users.id, principal.userId))
        : [];
      const link = personLink(c, deps, 'invitation', token);
      const mail = await mailPerson(deps, principal.workspaceId, {
        to: input.email,
        subject: peopleMessage('inviteSubject', input.language),
        text: peopleMessage('inviteBody', input.language, {
          name: input.name,
          inviter: inviter?.name || inviter?.email || 'Omniflow',
          link,
          expires: linkExpiryText(expiresAt, input.language),
        }),
      });
      const [invitation] = (await listOpenInvitations(deps.db, principal.workspaceId)).filter(
        (i) => i.id === id,
      );
      return c.json(
        {
          invitation: invitation ?? {
            id,
            email: input.email.toLowerCase(),
            name: input.name,
            role: input.role,
            language: input.language,
            createdAt: new Date().toISOString(),
            expiresAt: new Date(Date.now() + invitationTtlMs).toISOString(),
          },
          mailed: mail.mailed,
          ...(mail.mailed ? {} : { link, ...(mail.error ? { mailError: mail.error } : {}) }),
        },
        201,
      );
    })
    .openapi(routes.revokeInvitation, async (c) => {
      const principal = c.get('principal');
      const language = readerLanguage(c.req.header('accept-language'));
      const revoked = await deps.db
        .update(invitations)
        .set({ revokedAt: new Date() })
        .where(
          and(
            eq(invitations.id, c.req.valid('param').id),
            eq(invitations.workspaceId, principal.workspaceId),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
          ),
        )
        .returning({ id: invitations.id });
      if (revoked.length === 0) throw peopleError(404, 'NOT_FOUND', 'invitationNotFound', language);
      return c.body(null, 204);
    })
    .openapi(routes.update, async (c) => {
      const principal = c.get('principal');
      const language = readerLanguage(c.req.header('accept-language'));
      const { id } = c.req.valid('param');
      const change = c.req.valid('json');
      const user = await personIn(principal.workspaceId, id, language);
      const self = user.id === principal.userId;
      if (
        self &&
        (change.status === 'deactivated' || (change.role !== undefined && change.role !== user.role))
      )
        throw peopleError(409, 'NOT_ON_YOURSELF', 'notYourself', language);
      await deps.db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({
            ...(change.name !== undefined ? { name: change.name } : {}),
            ...(change.language !== undefined ? { language: change.language } : {}),
            ...(change.role !== undefined ? { role: change.role } : {}),
            ...(change.status === 'deactivated' && !user.deactivatedAt ? { deactivatedAt: new Date() } : {}),
            ...(change.status === 'active' ? { deactivatedAt: null } : {}),
          })
          .where(eq(users.id, user.id));
        if (change.status === 'deactivated') await tx.delete(sessions).where(eq(sessions.userId, user.id));
      });
      const [person] = await listPeople(deps.db, principal.workspaceId, user.id);
      return c.json({ person: person! }, 200);
    })
    .openapi(routes.resetPassword, async (c) => {
      const principal = c.get('principal');
      const language = readerLanguage(c.req.header('accept-language'));
      const user = await personIn(principal.workspaceId, c.req.valid('param').id, language);
      const { token, expiresAt } = await issueUserToken(deps.db, user.id, 'password-reset', resetTtlMs);
      const link = personLink(c, deps, 'password-reset', token);
      const mail = await mailPerson(deps, principal.workspaceId, {
        to: user.email,
        subject: peopleMessage('resetSubject', user.language),
        text: peopleMessage('resetBody', user.language, {
          name: user.name || user.email,
          link,
          expires: linkExpiryText(expiresAt, user.language),
        }),
      });
      return c.json(
        {
          mailed: mail.mailed,
          ...(mail.mailed ? {} : { link, ...(mail.error ? { mailError: mail.error } : {}) }),
        },
        200,
      );
    })
    .openapi(routes.endSessions, async (c) => {
      const principal = c.get('principal');
      const language = readerLanguage(c.req.header('accept-language'));
      const user = await personIn(principal.workspaceId, c.req.valid('param').id, language);
      await deps.db.delete(sessions).where(eq(sessions.userId, user.id));
      return c.body(null, 204);
    })
    .openapi(routes.resetSecondFactor, async (c) => {
      const principal = c.get('principal');
      const language = readerLanguage(c.req.header('accept-language'));
      const user = await personIn(principal.workspaceId, c.req.valid('param').id, language);
      await removeSecondFactor(deps.db, user.id);
      return c.body(null, 204);
    });
}
