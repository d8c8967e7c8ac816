import { createHash } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { messages, runs, type Db } from '@omniflow/db';
import { autoReplyPeriodMs, emailInbound, emailInboundMatches, threadIds } from '@omniflow/nodes';
import type { InboundMessage } from '@omniflow/nodes/drivers/messaging';
import { eventSignal } from '../temporal/workflow-api.ts';
import { startFlowRun } from '../runs/start-flow-run.ts';
import { activeRunOfWorkflow } from '../runs/active-run.ts';
import { triggeredVersion } from '../runs/triggered-version.ts';
import {
  conversationWorkflowId,
  inboundTriggerFor,
  type InboundRouting,
  type RouteResult,
} from './route-inbound.ts';
import { messageEventData } from './message-event-data.ts';

/**
 * One workflow per mail that starts a thread. Message-IDs are long and free-form (RFC 5322
 * §3.6.4), so the id carries a digest of it.
 */
export const mailWorkflowId = (workspaceId: string, messageId: string) =>
  `email:${workspaceId}:${createHash('sha256').update(messageId).digest('hex').slice(0, 32)}`;

/** An automatic answer to the same sender at most once a day (RFC 3834 §2) unless the trigger says. */
const defaultAutoReplyPeriodMs = 86_400_000;

/**
 * The flow a new mail would start, with how long after an automatic answer the same sender gets
 * none from it (RFC 3834 §2), for the safety checks made where mail comes in: the newest flow whose
 * `email.inbound` trigger takes the mail (its own period), else whose `message.inbound` trigger
 * takes email (one bot on every channel; a day).
 */
export async function mailTrigger(db: Db, workspaceId: string, mail: InboundMessage) {
  let autoReplyPeriod = 0;
  const version = await triggeredVersion(db, workspaceId, emailInbound, (config) => {
    const takes = emailInboundMatches(config, mail);
    if (takes) autoReplyPeriod = autoReplyPeriodMs(config);
    return takes;
  });
  if (version) return { version, flowId: version.flowId, autoReplyPeriodMs: autoReplyPeriod };
  const anyChannel = await inboundTriggerFor(db, workspaceId, mail);
  return anyChannel
    ? { version: anyChannel, flowId: anyChannel.flowId, autoReplyPeriodMs: defaultAutoReplyPeriodMs }
    : undefined;
}

// A References header may name hundreds of ids; the newest are the ones a run can still wait on.
const maxThreadIds = 50;

/**
 * The run still going that a reply belongs to: the run of the mail its In-Reply-To names, else of
 * the newest of its References that is one of ours (a mail we sent, or one a run took).
 */
export async function threadRunOf(db: Db, workspaceId: string, mail: InboundMessage) {
  if (!mail.email) return undefined;
  const byPreference = [
    ...new Set([...(mail.email.inReplyTo ? [mail.email.inReplyTo] : []), ...threadIds(mail.email).reverse()]),
  ]
    .filter((id) => id !== '' && id !== mail.providerMessageId)
    .slice(0, maxThreadIds);
  if (byPreference.length === 0) return undefined;
  const found = await db
    .select({
      messageId: messages.providerMessageId,
      runId: runs.id,
      workflowId: runs.temporalWorkflowId,
      flowId: runs.flowId,
      id: runs.flowVersionId,
      version: runs.version,
    })
    .from(messages)
    .innerJoin(runs, eq(runs.id, messages.runId))
    .where(
      and(
        eq(messages.workspaceId, workspaceId),
        eq(messages.channel, 'email'),
        inArray(messages.providerMessageId, byPreference),
        inArray(runs.status, ['running', 'waiting']),
        // A row whose start is not noted yet may have no workflow (see reconcile-run-starts.ts).
        isNotNull(runs.temporalRunId),
      ),
    );
  const rank = (id: string | null) => byPreference.indexOf(id ?? '');
  return found.sort((a, b) => rank(a.messageId) - rank(b.messageId))[0];
}

/**
 * The builder's simulator talks to a test run as a conversation of its own address
 * (runs/simulator-conversation.ts), whose mails have no thread headers; real mail never starts one.
 */
export async function simulatorRunOf(db: Db, workspaceId: string, mail: InboundMessage) {
  const workflowId = conversationWorkflowId(workspaceId, 'email', mail.from);
  const runId = await activeRunOfWorkflow(db, workflowId);
  return runId ? { runId, workflowId } : undefined;
}

/**
 * Routes a mail (recorded already): a reply in a thread one of our runs is still in goes to that
 * run, the way a WhatsApp reply goes to its conversation; any other mail starts the flow whose
 * email.inbound trigger takes it, as a thread (and a run) of its own.
 */
export async function routeMail(
  deps: InboundRouting,
  workspaceId: string,
  mail: InboundMessage,
): Promise<RouteResult> {
  const { db, temporal } = deps;
  const event = { type: 'message', data: messageEventData(mail) };
  const link = (runId: string) =>
    db
      .update(messages)
      .set({ runId })
      .where(and(eq(messages.channel, 'email'), eq(messages.providerMessageId, mail.providerMessageId)));

  const going = (await threadRunOf(db, workspaceId, mail)) ?? (await simulatorRunOf(db, workspaceId, mail));
  if (going) {
    // Linked before the run hears of it: its next answer in the thread replies to this mail.
    await link(going.runId);
    try {
      await temporal.workflow.getHandle(going.workflowId).signal(eventSignal, event);
      return { outcome: 'delivered', runId: going.runId };
    } catch (error) {
      // The run ended meanwhile: the mail is a new one for the trigger flows.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }

  const version = (await mailTrigger(db, workspaceId, mail))?.version;
  if (!version) return { outcome: 'unrouted' };
  const started = await startFlowRun(deps, {
    workspaceId,
    version,
    input: event.data,
    contact: mail.from,
    workflowId: mailWorkflowId(workspaceId, mail.providerMessageId),
    joinRunning: true,
  });
  const runId = started.outcome === 'joined' ? (started.owner ?? '') : started.runId;
  if (runId) await link(runId);
  return { outcome: started.outcome === 'joined' ? 'delivered' : 'started', runId };
}
