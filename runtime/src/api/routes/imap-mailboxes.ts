import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { imapSecurities } from '@omniflow/db';
import { checkImapMailbox } from '@omniflow/nodes/drivers/email';
import { NodeError } from '@omniflow/nodes/sdk';
import {
  createImapMailboxStore,
  ImapMailboxError,
  type ImapMailboxView,
} from '../../email/imap-mailbox-store.ts';
import { ApiError } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { channelResolverOf } from '../channel-resolver-of.ts';
import {
  conflictResponse,
  errorResponses,
  errorSchema,
  idParam,
  json,
  notFoundResponse,
} from '../schemas.ts';

// A host name (RFC 1123 labels) or an IPv4/IPv6 literal.
const hostShape =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$|^[0-9a-f:.]+$/i;

const fields = {
  host: z
    .string({ message: 'host is the IMAP server’s name, such as imap.example.org' })
    .trim()
    .min(1, 'host is the IMAP server’s name, such as imap.example.org')
    .max(253, 'host is at most 253 characters')
    .regex(hostShape, 'host is a server name such as imap.example.org (no imap://, no port)'),
  port: z
    .number({ message: 'port is a number: 993 for TLS, 143 for STARTTLS' })
    .int('port is a whole number: 993 for TLS, 143 for STARTTLS')
    .min(1, 'port is from 1 to 65535 (993 for TLS, 143 for STARTTLS)')
    .max(65535, 'port is from 1 to 65535 (993 for TLS, 143 for STARTTLS)'),
  security: z.enum(imapSecurities, { message: 'security is tls (port 993), starttls (port 143) or none' }),
  user: z
    .string({ message: 'user is the name the mailbox signs in with, often its address' })
    .min(1, 'user is the name the mailbox signs in with, often its address')
    .max(320, 'user is at most 320 characters'),
  password: z
    .string({ message: 'password is the mailbox’s password (or app password)' })
    .min(1, 'password is the mailbox’s password (or app password)')
    .max(1000, 'password is at most 1000 characters'),
  folder: z
    .string({ message: 'folder is the folder to take mail from, such as INBOX' })
    .trim()
    .min(1, 'folder is the folder to take mail from, such as INBOX')
    .max(200, 'folder is at most 200 characters'),
  address: z
    .email({ message: 'address is the address people write to, such as ayuda@example.org' })
    .max(320, 'address is at most 320 characters'),
  pollSeconds: z
    .number({ message: 'pollSeconds is how often to look for mail, in seconds' })
    .int('pollSeconds is a whole number of seconds')
    .min(10, 'pollSeconds is at least 10: new mail is usually heard about at once anyway')
    .max(86_400, 'pollSeconds is at most 86400 (once a day)'),
  enabled: z.boolean({ message: 'enabled is true or false' }),
};

const createInput = z
  .object({
    host: fields.host,
    port: fields.port,
    security: fields.security,
    user: fields.user,
    password: fields.password,
    folder: fields.folder.optional().openapi({ description: 'Default INBOX' }),
    address: fields.address
      .optional()
      .openapi({ description: 'The address people write to; default the user, when it is an address' }),
    pollSeconds: fields.pollSeconds
      .optional()
      .openapi({ description: 'A look this often besides IMAP IDLE (default 60)' }),
    enabled: fields.enabled.optional().openapi({ description: 'Default true' }),
  })
  .strict()
  .openapi('ImapMailboxInput');

const updateInput = z
  .object({
    host: fields.host.optional(),
    port: fields.port.optional(),
    security: fields.security.optional(),
    user: fields.user.optional(),
    password: fields.password.optional().openapi({ description: 'Left out: the saved password stays' }),
    folder: fields.folder.optional(),
    address: fields.address.optional(),
    pollSeconds: fields.pollSeconds.optional(),
    enabled: fields.enabled.optional(),
  })
  .strict()
  .openapi('ImapMailboxChange');

const testInput = z
  .object({
    id: z
      .uuid({ message: 'id is a saved mailbox’s id' })
      .optional()
      .openapi({ description: 'A saved mailbox whose password to use when none is given' }),
    host: fields.host,
    port: fields.port,
    security: fields.security,
    user: fields.user,
    password: fields.password.optional(),
    folder: fields.folder.optional(),
  })
  // Not strict: the settings form sends the whole mailbox, and what a test does not use is dropped.
  .openapi('ImapMailboxTest');

const mailboxView = z
  .object({
    id: z.string(),
    host: z.string(),
    port: z.number().int(),
    security: z.enum(imapSecurities),
    user: z.string(),
    hasPassword: z.literal(true).openapi({ description: 'The password is saved; it is never shown' }),
    folder: z.string(),
    address: z.string(),
    pollSeconds: z.number().int(),
    enabled: z.boolean(),
    status: z.enum(['working', 'failing', 'connecting', 'off']).openapi({
      description:
        'working: signed in since the last failure; failing: the last attempt failed (see lastError); connecting: not signed in yet; off: disabled',
    }),
    connectedAt: z.string().nullable().openapi({ description: 'When the poller last signed in' }),
    lastError: z
      .object({ code: z.string(), message: z.string(), at: z.string() })
      .nullable()
      .openapi({ description: 'The last problem: a connection failure, or a mail set aside' }),
    lastMailAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ImapMailbox');

const forbidden = { 403: json(errorSchema, 'Not an admin') };

const routes = {
  list: createRoute({
    method: 'get',
    path: '/mail/mailboxes',
    tags: ['mail'],
    summary:
      'The IMAP mailboxes this workspace takes mail from, with whether each works (never the password)',
    responses: {
      200: json(z.object({ items: z.array(mailboxView) }), 'The mailboxes'),
      ...errorResponses,
      ...forbidden,
    },
  }),
  create: createRoute({
    method: 'post',
    path: '/mail/mailboxes',
    tags: ['mail'],
    summary: 'Connect a mailbox: its mail is taken (and marked seen) from now on',
    request: { body: { required: true, content: { 'application/json': { schema: createInput } } } },
    responses: {
      201: json(mailboxView, 'Saved; polling starts at once'),
      ...errorResponses,
      ...forbidden,
      409: json(errorSchema, 'The same mailbox is connected already, or the workspace has as many as it may'),
    },
  }),
  test: createRoute({
    method: 'post',
    path: '/mail/mailboxes/test',
    tags: ['mail'],
    summary: 'Sign in and open the folder once, without saving, and say what went wrong',
    request: { body: { required: true, content: { 'application/json': { schema: testInput } } } },
    responses: {
      200: json(z.object({ ok: z.literal(true), messages: z.number().int() }), 'It works'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
      422: json(errorSchema, 'The server could not be reached or refused; the message says what to check'),
    },
  }),
  update: createRoute({
    method: 'patch',
    path: '/mail/mailboxes/{id}',
    tags: ['mail'],
    summary: 'Change a mailbox (its poller starts again with the new settings)',
    request: {
      params: idParam,
      body: { required: true, content: { 'application/json': { schema: updateInput } } },
    },
    responses: {
      200: json(mailboxView, 'Saved'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
      ...conflictResponse,
    },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/mail/mailboxes/{id}',
    tags: ['mail'],
    summary: 'Stop taking mail from a mailbox (the mail already in it stays there)',
    request: { params: idParam },
    responses: { 204: { description: 'Disconnected' }, ...errorResponses, ...forbidden, ...notFoundResponse },
  }),
};

const iso = (at: Date | null) => (at ? at.toISOString() : null);
const shown = (mailbox: ImapMailboxView) => ({
  ...mailbox,
  connectedAt: iso(mailbox.connectedAt),
  lastError: mailbox.lastError ? { ...mailbox.lastError, at: mailbox.lastError.at.toISOString() } : null,
  lastMailAt: iso(mailbox.lastMailAt),
  createdAt: mailbox.createdAt.toISOString(),
  updatedAt: mailbox.updatedAt.toISOString(),
});

const statusOfError: Record<ImapMailboxError['code'], 400 | 404 | 409> = {
  PASSWORD_REQUIRED: 400,
  NOT_FOUND: 404,
  MAILBOX_EXISTS: 409,
  MAILBOX_LIMIT: 409,
};

/** The store's refusals as the API's errors; a password that does not open is the admin's to fix (422). */
const apiErrorOf = (error: unknown): unknown => {
  if (error instanceof ImapMailboxError)
    return new ApiError(statusOfError[error.code], error.code, error.message);
  if (error instanceof NodeError) return new ApiError(422, error.code, error.message);
  return error;
};

/**
 * Admin-only: the IMAP mailboxes a workspace takes mail from. Each change is handed to the
 * process's pollers at once (`workspaceMailboxes`), so no restart is needed.
 */
export function imapMailboxRoutes(deps: AppDeps) {
  const store = () => createImapMailboxStore(deps.db, channelResolverOf(deps).keyring);
  const pollers = async () => deps.workspaceMailboxes?.sync();
  return (
    new OpenAPIHono<AppEnv>()
      .openapi(routes.list, async (c) => {
        const principal = c.get('principal');
        return c.json({ items: (await store().list(principal.workspaceId)).map(shown) }, 200);
      })
      .openapi(routes.create, async (c) => {
        const principal = c.get('principal');
        const body = c.req.valid('json');
        const address = body.address ?? (fields.address.safeParse(body.user).success ? body.user : undefined);
        if (!address)
          throw new ApiError(
            400,
            'VALIDATION_FAILED',
            'address: give the address people write to; the user name is not an address',
          );
        const saved = await store()
          .create(principal.workspaceId, {
            ...body,
            address,
            folder: body.folder ?? 'INBOX',
            pollSeconds: body.pollSeconds ?? 60,
            enabled: body.enabled ?? true,
          })
          .catch((error: unknown) => {
            throw apiErrorOf(error);
          });
        await pollers();
        return c.json(shown(saved), 201);
      })
      // Before /mail/mailboxes/{id}: the first route that matches answers.
      .openapi(routes.test, async (c) => {
        const principal = c.get('principal');
        const { id, password: given, ...account } = c.req.valid('json');
        let password = given;
        if (password === undefined) {
          if (!id)
            throw new ApiError(
              400,
              'VALIDATION_FAILED',
              'password: give the password, or the id of a saved mailbox to test with its saved one',
            );
          password = await store()
            .savedPassword(principal.workspaceId, id, account)
            .catch((error: unknown) => {
              throw apiErrorOf(error);
            });
        }
        const result = await checkImapMailbox({
          host: account.host,
          port: account.port,
          secure: account.security === 'tls',
          ...(account.security === 'tls' ? {} : { startTls: account.security === 'starttls' }),
          user: account.user,
          password,
          mailbox: account.folder ?? 'INBOX',
        });
        if (!result.ok) throw new ApiError(422, result.code, result.message);
        return c.json({ ok: true as const, messages: result.messages }, 200);
      })
      .openapi(routes.update, async (c) => {
        const principal = c.get('principal');
        const { id } = c.req.valid('param');
        const saved = await store()
          .update(principal.workspaceId, id, c.req.valid('json'))
          .catch((error: unknown) => {
            throw apiErrorOf(error);
          });
        await pollers();
        return c.json(shown(saved), 200);
      })
      .openapi(routes.remove, async (c) => {
        const principal = c.get('principal');
        const { id } = c.req.valid('param');
        await store()
          .remove(principal.workspaceId, id)
          .catch((error: unknown) => {
            throw apiErrorOf(error);
          });
        await pollers();
        return c.body(null, 204);
      })
  );
}
