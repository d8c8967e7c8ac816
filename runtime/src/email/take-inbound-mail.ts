import { and, eq, lte } from 'drizzle-orm';
import { autoReplies, messages, newId, runs, type Db } from '@omniflow/db';
import {
  autoReplySkip,
  parseMail,
  type AutoReplySkipReason,
  type MailEnvelope,
} from '@omniflow/nodes/drivers/email';
import type { InboundEmail, InboundMessage } from '@omniflow/nodes/drivers/messaging';
import {
  messageEventData,
  routeInbound,
  type InboundRouting,
  type RouteResult,
} from '../messaging/route-inbound.ts';
import { mailTrigger, simulatorRunOf, threadRunOf } from '../messaging/route-mail.ts';
import { applyMailReport } from './apply-mail-report.ts';
import type { MailRecipients } from './mail-recipients.ts';
import { storeMailAttachments, type MailAttachmentStorage } from './store-mail-attachments.ts';

/**
 * RFC 5321 §4.5.3.1.8: a server must take at least 100 recipients. More of ours than that in one
 * mail is not a person writing to a help desk; the rest are not routed.
 */
export const maxRecipientsPerMail = 100;

export interface InboundMailDeps extends InboundRouting {
  recipients: MailRecipients;
  /** Where attachments are kept; without it they are named on the message but not kept. */
  attachments?: MailAttachmentStorage;
  now?: () => Date;
}

/** A mailbox polled over IMAP: all its mail is the workspace's, written to `address`. */
export interface MailboxDestination {
  workspaceId: string;
  address: string;
}

export type SkipReason = AutoReplySkipReason | 'REPLIED_RECENTLY';

/** What became of the mail for one recipient of ours. */
export type TakenMail =
  | { to: string; outcome: 'not-ours' }
  | { to: string; workspaceId: string; outcome: 'report' }
  | { to: string; workspaceId: string; outcome: 'skipped'; reason: SkipReason; runId?: string }
  | ({ to: string; workspaceId: string } & RouteResult);

/**
 * Takes one mail that arrived (the inbound SMTP server, an IMAP mailbox, the catcher's form):
 * parses it, keeps its attachments, hands reports (DSN, ARF) to bounce handling, refuses to
 * answer what RFC 3834 says must not be answered, and routes the rest like any message
 * (`routeInbound`: a conversation going takes it, else the flow whose trigger matches starts).
 * A mail that must not start its flow leaves a `skipped` run with the reason, so the run list
 * says why nothing answered. Throws MailParseError (MAIL_UNREADABLE) for a mail with no sender.
 */
export async function takeInboundMail(
  deps: InboundMailDeps,
  raw: Buffer | string,
  envelope?: MailEnvelope,
  mailbox?: MailboxDestination,
): Promise<TakenMail[]> {
  const mail = await parseMail(raw, envelope);
  const now = deps.now?.() ?? new Date();
  const destinations: { message: InboundMessage; workspaceId: string | undefined }[] = [];
  if (mailbox) {
    // A mailbox is one address: the To header may name aliases, lists or a thousand others.
    const first = mail.messages[0]!;
    destinations.push({
      message: { ...first, to: mailbox.address.toLowerCase() },
      workspaceId: mailbox.workspaceId,
    });
  } else {
    for (const message of mail.messages.slice(0, maxRecipientsPerMail))
      destinations.push({ message, workspaceId: await deps.recipients.workspaceFor(message.to) });
  }

  const taken: TakenMail[] = [];
  const attachmentsOf = new Map<string, Promise<InboundEmail>>();
  const reported = new Set<string>();
  for (const { message, workspaceId } of destinations) {
    if (!workspaceId) {
      taken.push({ to: message.to, outcome: 'not-ours' });
      continue;
    }
    if (message.email?.report) {
      // One report per workspace, however many of its addresses it was sent to.
      if (!reported.has(workspaceId)) {
        reported.add(workspaceId);
        await applyMailReport(deps.db, workspaceId, mail);
      }
      taken.push({ to: message.to, workspaceId, outcome: 'report' });
      continue;
    }
    if (!attachmentsOf.has(workspaceId))
      attachmentsOf.set(workspaceId, withAttachments(deps, workspaceId, message, mail.attachments, now));
    const inbound: InboundMessage = {
      ...message,
      ...(message.email ? { email: await attachmentsOf.get(workspaceId) } : {}),
    };
    taken.push({ to: message.to, workspaceId, ...(await routeMail(deps, workspaceId, inbound, now)) });
  }
  return taken;
}

async function withAttachments(
  deps: InboundMailDeps,
  workspaceId: string,
  message: InboundMessage,
  attachments: Parameters<typeof storeMailAttachments>[3],
  now: Date,
): Promise<InboundEmail> {
  const email = message.email!;
  if (!deps.attachments || attachments.length === 0) return email;
  return {
    ...email,
    attachments: await storeMailAttachments(deps.db, deps.attachments, workspaceId, attachments, now),
  };
}

type Routed = { outcome: 'skipped'; reason: SkipReason; runId?: string } | RouteResult;

async function routeMail(
  deps: InboundMailDeps,
  workspaceId: string,
  inbound: InboundMessage,
  now: Date,
): Promise<Routed> {
  const { db } = deps;
  // A mail the mailbox or a relay hands us again (same Message-ID) is neither answered nor skipped twice.
  const [seen] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, workspaceId),
        eq(messages.channel, 'email'),
        eq(messages.direction, 'inbound'),
        eq(messages.providerMessageId, inbound.providerMessageId),
      ),
    );
  if (seen) return { outcome: 'duplicate' };

  const ownMail = await isOwnMail(deps, workspaceId, inbound);
  const unsafe = autoReplySkip(inbound, { ownMail });
  // A reply in a thread a run is still in (a question asked by mail) is the conversation going
  // on, not a mail to answer automatically; the simulator's test conversations have no thread.
  const active =
    (await threadRunOf(db, workspaceId, inbound)) ?? (await simulatorFlowOf(db, workspaceId, inbound));
  if (unsafe) return skip(deps, workspaceId, inbound, unsafe.reason, unsafe.message, active);

  if (!active) {
    const trigger = await mailTrigger(db, workspaceId, inbound);
    if (
      trigger &&
      trigger.autoReplyPeriodMs > 0 &&
      !(await claimAutoReply(db, workspaceId, trigger.flowId, inbound.from, now, trigger.autoReplyPeriodMs))
    )
      return skip(
        deps,
        workspaceId,
        inbound,
        'REPLIED_RECENTLY',
        `${inbound.from} was already answered automatically by this flow within ${describePeriod(trigger.autoReplyPeriodMs)}`,
        trigger.version,
      );
  }
  return routeInbound(deps, workspaceId, inbound);
}

/** Our own Message-ID coming back, or mail from one of our own addresses: answering would loop. */
async function isOwnMail(
  deps: InboundMailDeps,
  workspaceId: string,
  inbound: InboundMessage,
): Promise<boolean> {
  if (await deps.recipients.isOwnAddress(workspaceId, inbound.from)) return true;
  const messageId = inbound.email?.messageId;
  if (!messageId) return false;
  const [ours] = await deps.db
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, workspaceId),
        eq(messages.channel, 'email'),
        eq(messages.direction, 'outbound'),
        eq(messages.providerMessageId, messageId),
      ),
    );
  return ours !== undefined;
}

interface FlowRef {
  flowId: string;
  id: string;
  version: number;
}

/** The test run the builder's simulator talks to on this address, with its flow. */
async function simulatorFlowOf(db: Db, workspaceId: string, inbound: InboundMessage) {
  const going = await simulatorRunOf(db, workspaceId, inbound);
  if (!going) return undefined;
  const [run] = await db
    .select({ flowId: runs.flowId, id: runs.flowVersionId, version: runs.version })
    .from(runs)
    .where(eq(runs.id, going.runId));
  return run;
}

const describePeriod = (ms: number) =>
  ms % 86_400_000 === 0
    ? `${ms / 86_400_000} day(s)`
    : ms % 3_600_000 === 0
      ? `${ms / 3_600_000} hour(s)`
      : `${Math.round(ms / 60_000)} minute(s)`;

/**
 * RFC 3834 §2 (one auto-reply per sender per period): takes this sender's slot for the flow when
 * the last one is older than the period, in one statement, so two mails arriving together cannot
 * both be answered. The slot is taken when the mail starts the run that answers it.
 */
async function claimAutoReply(
  db: Db,
  workspaceId: string,
  flowId: string,
  sender: string,
  now: Date,
  periodMs: number,
): Promise<boolean> {
  const claimed = await db
    .insert(autoReplies)
    .values({ workspaceId, flowId, sender, repliedAt: now })
    .onConflictDoUpdate({
      target: [autoReplies.workspaceId, autoReplies.flowId, autoReplies.sender],
      set: { repliedAt: now },
      setWhere: lte(autoReplies.repliedAt, new Date(now.getTime() - periodMs)),
    })
    .returning({ sender: autoReplies.sender });
  return claimed.length > 0;
}

/**
 * Records the mail and, when a flow would have taken it, a `skipped` run of that flow with the
 * reason: it never starts a workflow, and the run list shows it with its error.
 */
async function skip(
  deps: InboundMailDeps,
  workspaceId: string,
  inbound: InboundMessage,
  reason: SkipReason,
  message: string,
  flow: FlowRef | undefined,
): Promise<Routed> {
  const { db } = deps;
  if (!(await deps.messaging.recordInbound(workspaceId, inbound))) return { outcome: 'duplicate' };
  const target = flow ?? (await mailTrigger(db, workspaceId, inbound))?.version;
  if (!target) return { outcome: 'skipped', reason };
  const runId = newId();
  const at = new Date();
  await db.insert(runs).values({
    id: runId,
    workspaceId,
    flowId: target.flowId,
    flowVersionId: target.id,
    version: target.version,
    status: 'skipped',
    contact: inbound.from,
    input: messageEventData(inbound),
    error: { code: reason, message },
    temporalWorkflowId: `skipped:${runId}`,
    startedAt: at,
    updatedAt: at,
    endedAt: at,
  });
  await db
    .update(messages)
    .set({ runId })
    .where(and(eq(messages.channel, 'email'), eq(messages.providerMessageId, inbound.providerMessageId)));
  return { outcome: 'skipped', reason, runId };
}
