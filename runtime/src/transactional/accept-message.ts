import { and, eq } from 'drizzle-orm';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { messages, newId, type Db } from '@omniflow/db';
import type { MessagingChannel, OutboundMessage } from '@omniflow/nodes/drivers/messaging';
import type { QuotaGate } from '../quotas/quota-gate.ts';
import type { SendRequest } from './send-request.ts';
import { renderApplicationTemplate } from './render-application-template.ts';
import { TransactionalError } from './transactional-error.ts';
import { statementBatcher } from '../batching/statement-batcher.ts';
import type * as workflows from '../temporal/workflows.ts';

export interface AcceptMessageDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  /** Whether the channel has a provider (transactional/connected-channels.ts). */
  connected: (workspaceId: string, channel: MessagingChannel) => Promise<boolean>;
  quotas: QuotaGate;
}

/** Who sends: the API key (recorded on the message), or a signed-in person trying the API. */
export interface Sender {
  workspaceId: string;
  apiKeyId: string | null;
  /** An OAuth client's token: its idempotency keys are its own, not its maker's. */
  oauthClientId?: string | null;
  userId: string | null;
}

export type MessageRow = typeof messages.$inferSelect;

// Checked against the workflows module, so renaming the workflow fails the typecheck.
const workflowName = 'transactionalSend' satisfies keyof typeof workflows;

/** The workflow of one application message: one per message, named for it, so a start is idempotent. */
export const transactionalWorkflowId = (messageId: string) => `message:${messageId}`;

/**
 * An application's message, accepted: checked (channel connected, template renders, bag not used
 * up), written as a queued row under the caller's idempotency key, and handed to a
 * `transactionalSend` workflow, which sends it and retries what can get better. The same key from
 * the same caller answers the first message (`created: false`) and never sends twice.
 */
export async function acceptMessage(
  deps: AcceptMessageDeps,
  sender: Sender,
  request: SendRequest,
): Promise<{ message: MessageRow; created: boolean }> {
  const caller = sender.apiKeyId
    ? `key:${sender.apiKeyId}`
    : sender.oauthClientId
      ? `oauth:${sender.oauthClientId}`
      : `user:${sender.userId}`;
  const idempotencyKey = request.idempotencyKey ? `api:${caller}:${request.idempotencyKey}` : undefined;
  if (idempotencyKey) {
    const earlier = await findByKey(deps.db, sender.workspaceId, idempotencyKey);
    if (earlier) return { message: await sameRequest(deps, earlier, request), created: false };
  }
  if (!(await deps.connected(sender.workspaceId, request.channel)))
    throw new TransactionalError(
      'CHANNEL_NOT_CONFIGURED',
      `The ${request.channel} channel has no provider connected: connect one in Settings → Channels (PUT /api/v1/channels/${request.channel})`,
    );
  const bag = await deps.quotas.check(sender.workspaceId, request.channel);
  if (bag?.exhausted)
    throw new TransactionalError(
      'QUOTA_EXHAUSTED',
      `The workspace's ${request.channel} bag is used up (${bag.used} of ${bag.limit} this period): an admin can top it up in Settings → Quotas`,
    );
  const body = await outboundOf(deps.db, sender.workspaceId, request);
  const id = newId();
  const written = await writerOf(deps.db)({
    id,
    workspaceId: sender.workspaceId,
    channel: request.channel,
    direction: 'outbound',
    contactAddress: body.to,
    apiKeyId: sender.apiKeyId,
    idempotencyKey: idempotencyKey ?? `api:${id}`,
    body,
    status: 'queued',
    statusHistory: [{ status: 'queued', at: new Date().toISOString() }],
  });
  if (!written) {
    // The same key at the same moment from another request: that one's message is the answer.
    const earlier = await findByKey(deps.db, sender.workspaceId, idempotencyKey!);
    if (!earlier) throw new Error(`The message of ${idempotencyKey} was neither written nor found`);
    return { message: await sameRequest(deps, earlier, request), created: false };
  }
  // Not awaited: the row is the durable record, and the 202 should not wait on Temporal (most of
  // the time a start takes under load). A start lost with the process is made by the worker's
  // sweep (start-pending-sends.ts), under the same workflow id.
  handOver(deps, written.id);
  return { message: written, created: true };
}

type NewMessage = typeof messages.$inferInsert & { id: string };

const writers = new WeakMap<Db, (row: NewMessage) => Promise<MessageRow | undefined>>();

/**
 * The queued rows of messages accepted together go in one multi-row insert (statement-batcher.ts):
 * at load, most of a 202's time was each request's own insert waiting behind the others'. A row
 * whose idempotency key is taken already comes back undefined.
 */
function writerOf(db: Db) {
  let write = writers.get(db);
  if (!write) {
    write = statementBatcher(async (rows: NewMessage[]) => {
      const written = await db.insert(messages).values(rows).onConflictDoNothing().returning();
      const byId = new Map(written.map((row) => [row.id, row]));
      return rows.map((row) => byId.get(row.id));
    });
    writers.set(db, write);
  }
  return write;
}

const handingOver = new Set<Promise<void>>();

function handOver(deps: Pick<AcceptMessageDeps, 'temporal' | 'taskQueue'>, messageId: string) {
  // After the answers of the requests handled in this turn are on their way: a start's own
  // work (encoding, gRPC) would otherwise run ahead of them in the same event loop.
  const start = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => startSend(deps, messageId))
    .catch((error: unknown) =>
      console.warn(
        `Message ${messageId} waits for the worker's sweep: ${error instanceof Error ? error.message : String(error)}`,
      ),
    )
    .finally(() => handingOver.delete(start));
  handingOver.add(start);
}

/** Resolves once the starts under way have been made: before closing the Temporal connection. */
export async function handOversSettled(): Promise<void> {
  while (handingOver.size > 0) await Promise.all(handingOver);
}

/** Starts the message's workflow; one already started (or finished) under its id is left alone. */
export async function startSend(deps: Pick<AcceptMessageDeps, 'temporal' | 'taskQueue'>, messageId: string) {
  try {
    await deps.temporal.workflow.start(workflowName, {
      workflowId: transactionalWorkflowId(messageId),
      taskQueue: deps.taskQueue,
      args: [messageId],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

async function findByKey(db: Db, workspaceId: string, idempotencyKey: string) {
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.idempotencyKey, idempotencyKey)));
  return row;
}

/** A key is for one message: the same key with another address or channel is a caller's bug. */
async function sameRequest(deps: AcceptMessageDeps, earlier: MessageRow, request: SendRequest) {
  const to = request.channel === 'email' ? request.to.toLowerCase() : request.to;
  if (earlier.channel !== request.channel || earlier.contactAddress !== to)
    throw new TransactionalError(
      'IDEMPOTENCY_KEY_REUSED',
      `idempotencyKey "${request.idempotencyKey}" was used for another message (${earlier.channel} to ${earlier.contactAddress}); use a new key for a new message`,
    );
  // Still queued: its workflow may not have started yet; a second start is refused by Temporal.
  if (earlier.status === 'queued') handOver(deps, earlier.id);
  return earlier;
}

async function outboundOf(
  db: Db,
  workspaceId: string,
  request: SendRequest,
): Promise<Omit<OutboundMessage, 'idempotencyKey'>> {
  const to = request.channel === 'email' ? request.to.toLowerCase() : request.to;
  if (request.template) {
    const rendered = await renderApplicationTemplate(db, workspaceId, {
      channel: request.channel,
      template: request.template,
      ...(request.language ? { language: request.language } : {}),
      ...(request.variables ? { variables: request.variables } : {}),
    });
    if (request.channel === 'email')
      return {
        to,
        text: rendered.text,
        email: {
          subject: request.subject ?? rendered.subject ?? '',
          ...(rendered.html ? { html: rendered.html } : {}),
        },
      };
    return { to, text: rendered.text };
  }
  if (request.channel === 'email') return { to, text: request.text!, email: { subject: request.subject! } };
  return { to, text: request.text! };
}
