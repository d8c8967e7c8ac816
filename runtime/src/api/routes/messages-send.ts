import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { and, eq } from 'drizzle-orm';
import { messages, messageStatuses } from '@omniflow/db';
import { quotaGate } from '../../quotas/quota-gate.ts';
import { acceptMessage, type MessageRow } from '../../transactional/accept-message.ts';
import { connectedChannels } from '../../transactional/connected-channels.ts';
import { sendRequestSchema } from '../../transactional/send-request.ts';
import { TransactionalError, type TransactionalErrorCode } from '../../transactional/transactional-error.ts';
import { XmlBodyError, parseXmlBody, xmlDocument } from '../../transactional/xml-body.ts';
import { channelResolverOf } from '../channel-resolver-of.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorSchema } from '../schemas.ts';

// An application's message is small: text up to 10,000 characters, a template's variables.
const maxBodyBytes = 64 * 1024;

const statusOf: Record<TransactionalErrorCode, ContentfulStatusCode> = {
  CHANNEL_NOT_CONFIGURED: 422,
  TEMPLATE_NOT_FOUND: 422,
  TEMPLATE_KIND_MISMATCH: 422,
  TEMPLATE_EMPTY: 422,
  TEMPLATE_RENDER_FAILED: 422,
  QUOTA_EXHAUSTED: 422,
  IDEMPOTENCY_KEY_REUSED: 409,
};

const sentMessageSchema = z
  .object({
    id: z.string(),
    channel: z.string(),
    to: z.string(),
    status: z.enum(messageStatuses),
    statusHistory: z.array(
      z.object({
        status: z.enum(messageStatuses),
        at: z.string(),
        errorCode: z.string().optional(),
        errorMessage: z.string().optional(),
      }),
    ),
    errorCode: z.string().nullable(),
    segments: z.number().int(),
    apiKeyId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('SentMessage');

const bothFormats = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema }, 'application/xml': { schema } },
});

const docs = {
  send: createRoute({
    method: 'post',
    path: '/messages',
    tags: ['messages'],
    summary:
      'Send one message from another application (a key whose role may `messages:send`): 202 with its id; JSON, or XML with Content-Type: application/xml',
    request: {
      body: {
        required: true,
        content: {
          'application/json': { schema: sendRequestSchema },
          'application/xml': { schema: sendRequestSchema },
        },
      },
    },
    responses: {
      202: bothFormats(
        sentMessageSchema,
        'Accepted: it is sent in the background; follow it by GET or the webhook',
      ),
      200: bothFormats(sentMessageSchema, 'The message this idempotencyKey sent before'),
      400: bothFormats(errorSchema, 'Not JSON/XML, or a field is wrong'),
      403: bothFormats(errorSchema, 'The key’s role may not send messages'),
      409: bothFormats(errorSchema, 'The idempotencyKey was used for another message'),
      413: bothFormats(errorSchema, 'The body is over 64 KiB'),
      415: bothFormats(errorSchema, 'Neither JSON nor XML'),
      422: bothFormats(errorSchema, 'No provider on the channel, a template problem, or the bag is used up'),
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/messages/{id}',
    tags: ['messages'],
    summary: "A message's status and its history (Accept: application/xml for XML)",
    request: {
      params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }),
    },
    responses: {
      200: bothFormats(sentMessageSchema, 'The message'),
      404: bothFormats(errorSchema, 'No such message in this workspace'),
    },
  }),
};

const isXml = (type: string | undefined) => /^(application|text)\/([\w.-]+\+)?xml\b/i.test(type ?? '');
const isJson = (type: string | undefined) => /^application\/([\w.-]+\+)?json\b/i.test(type ?? '');

/** XML when the caller asks for it, or sent XML and did not ask for JSON. */
function answersXml(c: Context): boolean {
  const accept = c.req.header('accept') ?? '';
  if (/(application|text)\/xml/i.test(accept)) return true;
  if (/application\/json/i.test(accept)) return false;
  return isXml(c.req.header('content-type'));
}

const view = (m: MessageRow) => ({
  id: m.id,
  channel: m.channel,
  to: m.contactAddress,
  status: m.status,
  statusHistory: m.statusHistory,
  errorCode: m.errorCode,
  segments: m.segments,
  apiKeyId: m.apiKeyId,
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
});

function answer(
  c: Context,
  xml: boolean,
  status: ContentfulStatusCode,
  root: 'message' | 'error',
  body: object,
) {
  if (!xml) return c.json(root === 'error' ? { error: body } : body, status);
  return c.body(xmlDocument(root, body), status, { 'content-type': 'application/xml; charset=utf-8' });
}

const failure = (
  c: Context,
  xml: boolean,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  details?: unknown,
) => answer(c, xml, status, 'error', { code, message, ...(details === undefined ? {} : { details }) });

/**
 * The transactional send API (transactional/): other applications send one message at a time
 * and follow it by id. Its body is read here rather than by the OpenAPI validator, so a client
 * that sent XML gets its errors in XML too.
 */
export function messageSendRoutes(deps: AppDeps) {
  const quotas = quotaGate(deps.db);
  const connected = connectedChannels((workspaceId, channel) =>
    channelResolverOf(deps).driverFor(workspaceId, channel),
  );
  const app = new OpenAPIHono<AppEnv>();
  app.openAPIRegistry.registerPath(docs.send);
  app.openAPIRegistry.registerPath(docs.get);

  app.post('/messages', async (c) => {
    const xml = answersXml(c);
    const principal = c.get('principal');
    const type = c.req.header('content-type');
    if (!isXml(type) && !isJson(type))
      return failure(
        c,
        xml,
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Send Content-Type: application/json or application/xml',
      );
    const text = await c.req.text();
    if (Buffer.byteLength(text) > maxBodyBytes)
      return failure(c, xml, 413, 'PAYLOAD_TOO_LARGE', 'A message body is at most 64 KiB');
    let raw: unknown;
    try {
      raw = isXml(type) ? parseXmlBody(text, 'message') : JSON.parse(text);
    } catch (error) {
      if (error instanceof XmlBodyError) return failure(c, xml, 400, 'INVALID_XML', error.message);
      return failure(c, xml, 400, 'INVALID_JSON', 'The request body is not valid JSON');
    }
    const parsed = sendRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        path: i.path.map(String).join('.'),
        message: i.message,
      }));
      const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
      return failure(c, xml, 400, 'VALIDATION_FAILED', message, { issues });
    }
    try {
      const { message, created } = await acceptMessage(
        {
          db: deps.db,
          temporal: deps.temporal,
          taskQueue: deps.taskQueue,
          connected,
          quotas,
        },
        {
          workspaceId: principal.workspaceId,
          apiKeyId: principal.apiKeyId ?? null,
          oauthClientId: principal.oauthClientId ?? null,
          userId: principal.userId,
        },
        parsed.data,
      );
      c.header('location', `/api/v1/messages/${message.id}`);
      return answer(c, xml, created ? 202 : 200, 'message', view(message));
    } catch (error) {
      if (error instanceof TransactionalError)
        return failure(c, xml, statusOf[error.code], error.code, error.message);
      throw error;
    }
  });

  app.get('/messages/:id', async (c) => {
    const xml = answersXml(c);
    const id = c.req.param('id');
    const valid = z.uuid().safeParse(id).success;
    const [row] = valid
      ? await deps.db
          .select()
          .from(messages)
          .where(and(eq(messages.id, id), eq(messages.workspaceId, c.get('principal').workspaceId)))
      : [];
    if (!row) return failure(c, xml, 404, 'NOT_FOUND', `Message ${id} does not exist`);
    return answer(c, xml, 200, 'message', view(row));
  });
  return app;
}
