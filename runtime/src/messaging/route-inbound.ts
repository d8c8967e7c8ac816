import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { and, eq } from 'drizzle-orm';
import { contactChannels, messages, type Db } from '@omniflow/db';
import { contactForAddress } from './contacts-service.ts';
import { inboundMatches, messageInbound } from '@omniflow/nodes';
import type { InboundMessage } from '@omniflow/nodes/drivers/messaging';
import { classifyOptKeyword } from '@omniflow/nodes/drivers/sms';
import { eventSignal } from '../temporal/workflow-api.ts';
import type { MessagingService } from './messaging-service.ts';
import { startFlowRun } from '../runs/start-flow-run.ts';
import { activeRunOfWorkflow } from '../runs/active-run.ts';
import { triggeredVersion } from '../runs/triggered-version.ts';
import { mailPartOf, messageEventData } from './message-event-data.ts';
import { routeMail } from './route-mail.ts';

export interface InboundRouting {
  db: Db;
  temporal: Client;
  taskQueue: string;
  messaging: MessagingService;
}

export type RouteResult =
  | { outcome: 'duplicate' | 'unrouted' | 'opted-out' | 'opted-in' }
  | { outcome: 'delivered' | 'started'; runId: string };

/** One Temporal workflow id per conversation: a contact on a channel talks to one run at a time. */
export const conversationWorkflowId = (workspaceId: string, channel: string, address: string) =>
  `conversation:${workspaceId}:${channel}:${address}`;

export { messageEventData };

/** The newest published flow whose `message.inbound` trigger takes this message. */
export const inboundTriggerFor = (db: Db, workspaceId: string, inbound: InboundMessage) =>
  triggeredVersion(db, workspaceId, messageInbound, (config) => inboundMatches(config, inbound));

/**
 * The person behind the sender's address (created on first contact), with when they last wrote
 * remembered: WhatsApp's 24 h window counts from it.
 */
async function touchContact(db: Db, workspaceId: string, inbound: InboundMessage): Promise<string> {
  const where = and(
    eq(contactChannels.workspaceId, workspaceId),
    eq(contactChannels.channel, inbound.channel),
    eq(contactChannels.address, inbound.from),
  );
  const [known] = await db
    .update(contactChannels)
    .set({ lastInboundAt: inbound.receivedAt })
    .where(where)
    .returning({ contactId: contactChannels.contactId });
  if (known) return known.contactId;
  const contactId = await contactForAddress(db, workspaceId, inbound.channel, inbound.from);
  await db.update(contactChannels).set({ lastInboundAt: inbound.receivedAt }).where(where);
  return contactId;
}

/**
 * Takes a message someone sent: records it (a provider's duplicate stops here), then hands it to
 * that person's conversation run on the channel, starting one from the matching trigger flow when
 * none is going. Signal-with-start on one workflow id per conversation means two messages arriving
 * together still reach one run. A run that ends without taking the message (it was sending its
 * last reply) hands it to the conversation's next run itself (conversation-handover.ts).
 */
export async function routeInbound(
  deps: InboundRouting,
  workspaceId: string,
  inbound: InboundMessage,
): Promise<RouteResult> {
  const { db, temporal } = deps;
  if (inbound.channel === 'email') inbound = { ...inbound, email: mailPartOf(inbound) };
  // The person first, so the message row names them and their timeline finds it by id. A
  // provider's duplicate only refreshes when they last wrote, which it already was.
  const contactId = await touchContact(db, workspaceId, inbound);
  if (!(await deps.messaging.recordInbound(workspaceId, inbound, undefined, contactId)))
    return { outcome: 'duplicate' };
  // Mail goes by thread, not by address; opting out of it is the unsubscribe link's job.
  if (inbound.channel === 'email') return routeMail(deps, workspaceId, inbound);
  // STOP / BAJA end what the channel may send this person; START / ALTA bring it back. Neither
  // starts or feeds a conversation.
  const keyword = inbound.channel === 'webchat' ? null : classifyOptKeyword(inbound.text);
  if (keyword) {
    await db
      .update(contactChannels)
      .set(
        keyword === 'opt-out'
          ? {
              optedOutAt: inbound.receivedAt,
              optOutKeyword: (inbound.text ?? '').trim().slice(0, 40),
              optOutSource: 'keyword',
            }
          : // START is the person's own consent, with its time: campaigns that need consent may send.
            {
              optedOutAt: null,
              optOutKeyword: null,
              optOutSource: null,
              consentAt: inbound.receivedAt,
              consentSource: 'keyword',
            },
      )
      .where(
        and(
          eq(contactChannels.workspaceId, workspaceId),
          eq(contactChannels.channel, inbound.channel),
          eq(contactChannels.address, inbound.from),
        ),
      );
    return { outcome: keyword === 'opt-out' ? 'opted-out' : 'opted-in' };
  }
  const workflowId = conversationWorkflowId(workspaceId, inbound.channel, inbound.from);
  // Which recorded message it is goes along: a message the run does not take is handed to the
  // conversation's next run and linked to it (conversation-handover-activities.ts).
  const event = {
    type: 'message',
    data: messageEventData(inbound),
    providerMessageId: inbound.providerMessageId,
  };
  const link = (runId: string) =>
    db
      .update(messages)
      .set({ runId })
      .where(
        and(eq(messages.channel, inbound.channel), eq(messages.providerMessageId, inbound.providerMessageId)),
      );

  // A conversation already going takes the message straight away: one signal, instead of the
  // start attempt, describe and signal below (about 20 ms of a reply on loopback). The row can be
  // behind Temporal; a run that has ended refuses the signal and the message starts a new one.
  const active = await activeRunOfWorkflow(db, workflowId);
  if (active) {
    try {
      await temporal.workflow.getHandle(workflowId).signal(eventSignal, event);
      await link(active);
      return { outcome: 'delivered', runId: active };
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }

  const version = await inboundTriggerFor(db, workspaceId, inbound);
  // No flow starts on this message, and no conversation is going to take it.
  if (!version) return { outcome: 'unrouted' };

  // The run joined can close between the join and the signal (its row already said it ended):
  // the message then starts the next run, as if it had come a moment later.
  for (let attempt = 1; ; attempt++) {
    const started = await startFlowRun(deps, {
      workspaceId,
      version,
      input: event.data,
      contact: inbound.from,
      workflowId,
      joinRunning: true,
      conversation: true,
    });
    if (started.outcome === 'started') {
      await link(started.runId);
      return { outcome: 'started', runId: started.runId };
    }
    // The conversation was already going: the message goes to that run.
    try {
      await started.handle.signal(eventSignal, event);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError && attempt < 3) continue;
      throw error;
    }
    const ownerId = started.owner ?? '';
    if (ownerId) await link(ownerId);
    return { outcome: 'delivered', runId: ownerId };
  }
}
