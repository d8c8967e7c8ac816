import { eq } from 'drizzle-orm';
import { workspaces } from '@omniflow/db';
import type { WebhookRequest } from '@omniflow/nodes/drivers/messaging';
import { webChatInboundBody, type WebChatDriver, type WebChatEvent } from '@omniflow/nodes/drivers/webchat';
import { routeInbound, type InboundRouting, type RouteResult } from './route-inbound.ts';
import { webChatHistory } from './webchat-history.ts';

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The workspace a widget key belongs to, or null. The key is the workspace id (public, as in
 * the embed code); it names where messages go, the session token is what authenticates. */
export async function workspaceForWidgetKey(db: InboundRouting['db'], key: string): Promise<string | null> {
  if (!uuidShape.test(key)) return null;
  const [row] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, key));
  return row?.id ?? null;
}

export type VisitorMessageResult =
  { ok: true; result: RouteResult } | { ok: false; status: 400 | 401 | 404; code: string; message: string };

/**
 * A message the visitor wrote (HTTP POST or WebSocket frame, the same request either way): checked
 * against the session token, recorded, and handed to the conversation's run. The other tabs of the
 * session see it, and every tab shows the bot typing until the run answers.
 */
export async function takeVisitorMessage(
  routing: InboundRouting,
  driver: WebChatDriver,
  request: WebhookRequest,
): Promise<VisitorMessageResult> {
  let json: unknown;
  try {
    json = JSON.parse(request.rawBody);
  } catch {
    return { ok: false, status: 400, code: 'INVALID_JSON', message: 'The message is not valid JSON' };
  }
  const parsed = webChatInboundBody.safeParse(json);
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    return { ok: false, status: 400, code: 'VALIDATION_FAILED', message };
  }
  const workspaceId = await workspaceForWidgetKey(routing.db, parsed.data.key);
  if (!workspaceId) return unknownKey(parsed.data.key);
  if (!driver.verifySignature(request)) return badToken();
  const [inbound] = driver.parseInbound(request);
  const result = await routeInbound(routing, workspaceId, inbound!);
  if (result.outcome !== 'duplicate')
    driver.hub.publish(inbound!.from, {
      type: 'message',
      message: {
        id: inbound!.providerMessageId,
        from: 'visitor',
        ...(inbound!.text !== undefined ? { text: inbound!.text } : { text: inbound!.choiceId }),
        at: inbound!.receivedAt.toISOString(),
      },
    });
  // A run has the message: the bot is "typing" until its reply arrives (the widget also gives up
  // after a while, for flows that end without answering).
  if (result.outcome === 'started' || result.outcome === 'delivered')
    driver.hub.publish(inbound!.from, { type: 'typing', on: true });
  return { ok: true, result };
}

export const unknownKey = (key: string) =>
  ({
    ok: false,
    status: 404,
    code: 'WIDGET_NOT_FOUND',
    message: `No web chat widget has the key ${key}: copy the embed code again from the workspace`,
  }) as const;

export const badToken = () =>
  ({
    ok: false,
    status: 401,
    code: 'SESSION_TOKEN_INVALID',
    message: 'The session token does not match this chat session; start a new session',
  }) as const;

/**
 * A live connection of one visitor (a WebSocket or an event stream): the conversation so far, then
 * every new event. Subscribed before the history is read so nothing sent in between is lost;
 * anything already shown (by history, or by the relay repeating a message) is not sent again.
 */
export async function openVisitorConnection(
  routing: InboundRouting,
  driver: WebChatDriver,
  visitor: { workspaceId: string; sessionId: string },
  send: (event: WebChatEvent) => void,
): Promise<() => void> {
  const shown = new Set<string>();
  const pending: WebChatEvent[] = [];
  let ready = false;
  const forward = (event: WebChatEvent) => {
    if (event.type === 'message') {
      if (shown.has(event.message.id)) return;
      shown.add(event.message.id);
    }
    send(event);
  };
  const unsubscribe = driver.hub.subscribe(visitor.sessionId, (event) =>
    ready ? forward(event) : pending.push(event),
  );
  try {
    const history = await webChatHistory(routing.db, visitor.workspaceId, visitor.sessionId);
    for (const message of history) shown.add(message.id);
    send({ type: 'history', messages: history });
    ready = true;
    for (const event of pending.splice(0)) forward(event);
  } catch (error) {
    unsubscribe();
    throw error;
  }
  return unsubscribe;
}
