import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq, lt } from 'drizzle-orm';
import { caughtMails, messages } from '@omniflow/db';
import { composeMail, MailParseError } from '@omniflow/nodes/drivers/email';
import { SandboxDriver } from '@omniflow/nodes/drivers/messaging';
import { caughtMailView } from '../../email/caught-mail-view.ts';
import { createMailRecipients } from '../../email/mail-recipients.ts';
import { takeInboundMail } from '../../email/take-inbound-mail.ts';
import { createMessagingService } from '../../messaging/messaging-service.ts';
import { ApiError, notFound, cursorInvalid } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { channelResolverOf } from '../channel-resolver-of.ts';
import { errorResponses, errorSchema, idParam, json, notFoundResponse } from '../schemas.ts';

const forbidden = { 403: json(errorSchema, 'Your role may not do this (FORBIDDEN)') };

const caughtMailSummary = z
  .object({
    id: z.string(),
    from: z.string(),
    to: z.array(z.string()),
    subject: z.string(),
    createdAt: z.string(),
  })
  .openapi('CaughtMailSummary');

const caughtMail = z
  .object({
    id: z.string(),
    messageId: z.string().nullable().describe('The `messages` row of the send'),
    runId: z.string().nullable(),
    from: z.string(),
    to: z.array(z.string()),
    cc: z.array(z.string()),
    subject: z.string(),
    createdAt: z.string(),
    headers: z.array(z.object({ name: z.string(), value: z.string() })),
    text: z.string(),
    html: z.string().nullable().describe('As sent: show it only in a sandboxed frame'),
    unsubscribe: z.array(z.string()).describe('The List-Unsubscribe links'),
    dkimSigned: z.boolean(),
    attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), bytes: z.number() })),
  })
  .openapi('CaughtMail');

const writtenMail = z
  .object({
    from: z.email({ message: 'from must be an email address, e.g. ana@example.org' }).max(320),
    to: z.email({ message: 'to must be one of your flows’ addresses, e.g. help@example.org' }).max(320),
    subject: z.string().max(998, 'A subject line is at most 998 characters (RFC 5322)').default(''),
    text: z.string().max(100_000, 'Write at most 100,000 characters'),
  })
  .openapi('WrittenMail');

const routes = {
  list: createRoute({
    method: 'get',
    path: '/mail-catcher/mails',
    tags: ['mail catcher'],
    summary:
      'The sandbox’s caught mail, newest first (every mail of test runs, and all with no SMTP account)',
    request: {
      query: z.object({
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor: z.string().optional(),
      }),
    },
    responses: {
      200: json(z.object({ items: z.array(caughtMailSummary), nextCursor: z.string().nullable() }), 'A page'),
      ...errorResponses,
    },
  }),
  read: createRoute({
    method: 'get',
    path: '/mail-catcher/mails/{id}',
    tags: ['mail catcher'],
    summary: 'One caught mail, parsed: headers, text part, HTML',
    request: { params: idParam },
    responses: { 200: json(caughtMail, 'The mail'), ...errorResponses, ...notFoundResponse },
  }),
  raw: createRoute({
    method: 'get',
    path: '/mail-catcher/mails/{id}/raw',
    tags: ['mail catcher'],
    summary: 'One caught mail as it would have left (message/rfc822, an .eml file)',
    request: { params: idParam },
    responses: {
      200: { description: 'The raw mail', content: { 'message/rfc822': { schema: z.string() } } },
      ...errorResponses,
      ...notFoundResponse,
    },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/mail-catcher/mails/{id}',
    tags: ['mail catcher'],
    summary: 'Delete one caught mail',
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' }, ...errorResponses, ...forbidden, ...notFoundResponse },
  }),
  clear: createRoute({
    method: 'delete',
    path: '/mail-catcher/mails',
    tags: ['mail catcher'],
    summary: 'Delete every caught mail of the workspace',
    responses: { 204: { description: 'Deleted' }, ...errorResponses, ...forbidden },
  }),
  inbound: createRoute({
    method: 'post',
    path: '/mail-catcher/inbound',
    tags: ['mail catcher'],
    summary: 'Write a mail to your flows, as a person would (sandbox only)',
    request: { body: { required: true, content: { 'application/json': { schema: writtenMail } } } },
    responses: {
      200: json(
        z.object({
          results: z.array(
            z.object({
              to: z.string(),
              outcome: z.enum([
                'started',
                'delivered',
                'unrouted',
                'duplicate',
                'opted-out',
                'opted-in',
                'skipped',
                'report',
                'not-ours',
              ]),
              runId: z.string().nullable(),
            }),
          ),
        }),
        'Where the mail went: a new run, the conversation’s run, or nowhere (no trigger takes it)',
      ),
      ...errorResponses,
      ...forbidden,
      409: json(errorSchema, 'Email reaches real people here (CHANNEL_NOT_SANDBOX)'),
    },
  }),
};

// Deleting mail and writing to flows are a designer's; anyone in the workspace may read.
/**
 * The mail catcher: the email sandbox's mail, read back from `caught_mails` (it is sandbox mail,
 * reaching no one), and a person's side to write to the flows while email has no provider.
 */
export function mailCatcherRoutes(deps: AppDeps) {
  const { db } = deps;
  const messaging = createMessagingService({ db, drivers: {} });

  async function findMail(workspaceId: string, id: string) {
    const [found] = await db
      .select({ mail: caughtMails, runId: messages.runId })
      .from(caughtMails)
      .leftJoin(messages, eq(messages.id, caughtMails.messageId))
      .where(and(eq(caughtMails.workspaceId, workspaceId), eq(caughtMails.id, id)));
    if (!found) throw notFound('Caught mail', id);
    return found;
  }

  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const conditions = [eq(caughtMails.workspaceId, c.get('principal').workspaceId)];
      if (cursor) {
        const id = Buffer.from(cursor, 'base64url').toString();
        if (!z.uuid().safeParse(id).success) throw cursorInvalid();
        conditions.push(lt(caughtMails.id, id));
      }
      const rows = await db
        .select({
          id: caughtMails.id,
          from: caughtMails.fromAddress,
          to: caughtMails.toAddresses,
          subject: caughtMails.subject,
          createdAt: caughtMails.createdAt,
        })
        .from(caughtMails)
        .where(and(...conditions))
        .orderBy(desc(caughtMails.id))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return c.json(
        {
          items: page.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
          nextCursor: rows.length > limit && last ? Buffer.from(last.id).toString('base64url') : null,
        },
        200,
      );
    })
    .openapi(routes.read, async (c) => {
      const { mail, runId } = await findMail(c.get('principal').workspaceId, c.req.valid('param').id);
      return c.json(await caughtMailView(mail, runId), 200);
    })
    .openapi(routes.raw, async (c) => {
      const { mail } = await findMail(c.get('principal').workspaceId, c.req.valid('param').id);
      return c.body(mail.raw, 200, {
        'content-type': 'message/rfc822',
        'content-disposition': `attachment; filename="mail-${mail.id}.eml"`,
      });
    })
    .openapi(routes.remove, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      const deleted = await db
        .delete(caughtMails)
        .where(and(eq(caughtMails.workspaceId, principal.workspaceId), eq(caughtMails.id, id)))
        .returning({ id: caughtMails.id });
      if (deleted.length === 0) throw notFound('Caught mail', id);
      return c.body(null, 204);
    })
    .openapi(routes.clear, async (c) => {
      const principal = c.get('principal');
      await db.delete(caughtMails).where(eq(caughtMails.workspaceId, principal.workspaceId));
      return c.body(null, 204);
    })
    .openapi(routes.inbound, async (c) => {
      const principal = c.get('principal');
      // A made-up mail would be taken as that person's, and the flow would answer them for real.
      const driver = await channelResolverOf(deps)
        .driverFor(principal.workspaceId, 'email')
        .catch(() => undefined);
      if (!(driver instanceof SandboxDriver))
        throw new ApiError(
          409,
          'CHANNEL_NOT_SANDBOX',
          driver
            ? 'Email reaches real people through its SMTP account, so the mail catcher cannot write as someone. Use the editor’s Test run (it always uses the sandbox), or remove the email account in Settings → Channels.'
            : 'Email has no provider and this server does not use the sandbox (omniflow api/worker without OMNIFLOW_SANDBOX=1), so there is no mail catcher to write to.',
        );
      const body = c.req.valid('json');
      const raw = await composeMail(body);
      try {
        // Written into the signed-in workspace, to the address the form names, as a mailbox's
        // mail is: the catcher has no MX to say whose the address is.
        const results = await takeInboundMail(
          {
            db,
            temporal: deps.temporal,
            taskQueue: deps.taskQueue,
            messaging,
            recipients: createMailRecipients(db),
          },
          raw,
          { from: body.from, to: [body.to] },
          { workspaceId: principal.workspaceId, address: body.to },
        );
        return c.json(
          {
            results: results.map((taken) => ({
              to: taken.to,
              outcome: taken.outcome,
              runId: 'runId' in taken && taken.runId ? taken.runId : null,
            })),
          },
          200,
        );
      } catch (error) {
        if (error instanceof MailParseError) throw new ApiError(422, error.code, error.message);
        throw error;
      }
    });
}
