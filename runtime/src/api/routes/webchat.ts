import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { cors } from 'hono/cors';
import { newSessionId, webChatInboundBody, type WebChatDriver } from '@omniflow/nodes/drivers/webchat';
import { createMessagingService } from '../../messaging/messaging-service.ts';
import type { InboundRouting } from '../../messaging/route-inbound.ts';
import { webChatHistory } from '../../messaging/webchat-history.ts';
import {
  badToken,
  openVisitorConnection,
  takeVisitorMessage,
  unknownKey,
  workspaceForWidgetKey,
} from '../../messaging/webchat-visitor.ts';
import { ApiError, errorBody } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorResponses, json, notFoundResponse } from '../schemas.ts';

const key = z.string().trim().min(1, 'key is the widget key from the embed code').max(100);
const sessionId = z.string().trim().min(16, 'sessionId is the id the session endpoint issued').max(64);
const token = z.string().min(1, 'token is the session token the session endpoint issued').max(200);

export const webChatMessageSchema = z
  .object({
    id: z.string(),
    from: z.enum(['bot', 'visitor']),
    text: z.string().optional(),
    chips: z.array(z.object({ id: z.string(), title: z.string() })).optional(),
    media: z
      .object({
        kind: z.enum(['image', 'audio', 'video', 'document']),
        url: z.string(),
        caption: z.string().optional(),
      })
      .optional(),
    at: z.string(),
  })
  .openapi('WebChatMessage');

/** Who is connecting to a live stream: the same three values the WebSocket takes. */
export const webChatVisitorQuery = z.object({ key, sessionId, token });

const routes = {
  session: createRoute({
    method: 'post',
    path: '/webchat/sessions',
    tags: ['webchat'],
    summary: 'Start a web chat session, or resume one with its token (answers the conversation so far)',
    security: [],
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z
              .object({ key, sessionId: sessionId.optional(), token: token.optional() })
              .refine((b) => (b.sessionId === undefined) === (b.token === undefined), {
                message: 'Send sessionId and token together to resume, or neither to start',
              }),
          },
        },
      },
    },
    responses: {
      200: json(
        z.object({
          sessionId: z.string(),
          token: z.string(),
          resumed: z.boolean(),
          messages: z.array(webChatMessageSchema),
        }),
        'The session, its token and its messages (oldest first)',
      ),
      ...errorResponses,
      ...notFoundResponse,
    },
  }),
  message: createRoute({
    method: 'post',
    path: '/webchat/messages',
    tags: ['webchat'],
    summary: 'The visitor writes or picks a chip (Authorization: Bearer <session token>)',
    security: [],
    request: { body: { required: true, content: { 'application/json': { schema: webChatInboundBody } } } },
    responses: {
      202: json(
        z.object({
          outcome: z.enum(['started', 'delivered', 'unrouted', 'duplicate', 'opted-out', 'opted-in']),
        }),
        'Taken: a run started, the conversation got it, no flow takes it, or it was a resend',
      ),
      ...errorResponses,
      ...notFoundResponse,
    },
  }),
  events: createRoute({
    method: 'get',
    path: '/webchat/events',
    tags: ['webchat'],
    summary: 'The conversation live as server-sent events (for browsers where WebSocket fails)',
    security: [],
    request: { query: webChatVisitorQuery },
    responses: {
      200: {
        description: 'history, message and typing events',
        content: { 'text/event-stream': { schema: z.string() } },
      },
      ...errorResponses,
      ...notFoundResponse,
    },
  }),
};

const failed = (failure: { status: 400 | 401 | 404; code: string; message: string }) =>
  new ApiError(failure.status, failure.code, failure.message);

/** The web chat channel's driver, when this server has one (it does unless tests swap it out). */
export function webChatDriverOf(deps: AppDeps): WebChatDriver | undefined {
  const driver = deps.channels?.webchat;
  return driver && 'issueToken' in driver ? (driver as WebChatDriver) : undefined;
}

export function webChatRouting(deps: AppDeps): InboundRouting {
  const messaging = createMessagingService({ db: deps.db, drivers: {} });
  return { db: deps.db, temporal: deps.temporal, taskQueue: deps.taskQueue, messaging };
}

/**
 * The widget's side of the web chat channel. Not behind sign-in (visitors have no account): the
 * widget key says which workspace, the session token the server issued says which visitor. Open to
 * every origin (CORS) because the widget runs on the customer's own site; no cookies are used.
 */
export function webChatRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.use('/webchat/*', cors({ origin: '*', allowHeaders: ['content-type', 'authorization'], maxAge: 600 }));
  const driver = webChatDriverOf(deps);
  if (!driver) {
    app.all('/webchat/*', (c) =>
      c.json(errorBody('CHANNEL_NOT_CONFIGURED', 'Web chat is not set up on this server'), 404),
    );
    return app;
  }
  const routing = webChatRouting(deps);
  return app
    .openapi(routes.session, async (c) => {
      const body = c.req.valid('json');
      const workspaceId = await workspaceForWidgetKey(deps.db, body.key);
      if (!workspaceId) throw failed(unknownKey(body.key));
      if (body.sessionId !== undefined && body.token !== undefined) {
        if (!driver.verifyToken(workspaceId, body.sessionId, body.token)) throw failed(badToken());
        const messages = await webChatHistory(deps.db, workspaceId, body.sessionId);
        return c.json({ sessionId: body.sessionId, token: body.token, resumed: true, messages }, 200);
      }
      const id = newSessionId();
      return c.json(
        { sessionId: id, token: driver.issueToken(workspaceId, id), resumed: false, messages: [] },
        200,
      );
    })
    .openapi(routes.message, async (c) => {
      const taken = await takeVisitorMessage(routing, driver, {
        headers: { authorization: c.req.header('authorization') },
        rawBody: JSON.stringify(c.req.valid('json')),
        url: c.req.url,
      });
      if (!taken.ok) throw failed(taken);
      return c.json({ outcome: taken.result.outcome }, 202);
    })
    .openapi(routes.events, async (c) => {
      const visitor = c.req.valid('query');
      const workspaceId = await workspaceForWidgetKey(deps.db, visitor.key);
      if (!workspaceId) throw failed(unknownKey(visitor.key));
      if (!driver.verifyToken(workspaceId, visitor.sessionId, visitor.token)) throw failed(badToken());
      return streamSSE(c, async (stream) => {
        const queue: string[] = [];
        let wake: (() => void) | undefined;
        let closed = false;
        stream.onAbort(() => {
          closed = true;
          wake?.();
        });
        const stop = await openVisitorConnection(
          routing,
          driver,
          { workspaceId, sessionId: visitor.sessionId },
          (event) => {
            queue.push(JSON.stringify(event));
            wake?.();
          },
        );
        try {
          while (!closed) {
            for (const data of queue.splice(0)) await stream.writeSSE({ data });
            // Proxies drop a silent stream; a comment every 20 s keeps it open.
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, 20_000);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
            wake = undefined;
            if (queue.length === 0 && !closed) await stream.write(': keep-alive\n\n');
          }
        } finally {
          stop();
        }
      });
    });
}
