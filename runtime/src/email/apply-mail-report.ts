import { emitWebhookEvents } from '../webhooks/emit-webhook-events.ts';
import { messageFactsColumns, messageWebhookEvent } from '../webhooks/message-webhook-events.ts';
import { and, desc, eq, sql } from 'drizzle-orm';
import { emailEvents, messages, type Db, type StatusEntry } from '@omniflow/db';
import { parseMailReport, type MailReport, type ParsedInboundMail } from '@omniflow/nodes/drivers/email';
import { recordEmailEvent } from './record-email-event.ts';
import { suppressAddress } from './suppress-address.ts';

export interface AppliedMailReport {
  report: MailReport;
  /** Our `messages` rows the report was about. */
  messageIds: string[];
  /** Addresses that get no more mail from the workspace because of it. */
  suppressed: string[];
}

/** The mail the report is about: by its Message-ID, else the latest mail we sent the address. */
async function sentMessage(db: Db, workspaceId: string, originalId: string | undefined, address: string) {
  const ours = and(
    eq(messages.workspaceId, workspaceId),
    eq(messages.channel, 'email'),
    eq(messages.direction, 'outbound'),
  );
  if (originalId) {
    const [row] = await db
      .select({ id: messages.id })
      .from(messages)
      .where(and(ours, eq(messages.providerMessageId, originalId)));
    if (row) return row.id;
  }
  if (!address) return undefined;
  const [latest] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(ours, eq(messages.contactAddress, address)))
    .orderBy(desc(messages.id))
    .limit(1);
  return latest?.id;
}

/** The same report read twice (IMAP and the inbound server, a redelivery) is applied once. */
async function alreadyApplied(db: Db, messageId: string, reportId: string | undefined, address: string) {
  if (!reportId) return false;
  const [seen] = await db
    .select({ id: emailEvents.id })
    .from(emailEvents)
    .where(
      and(
        eq(emailEvents.messageId, messageId),
        sql`${emailEvents.detail}->>'reportId' = ${reportId}`,
        sql`${emailEvents.detail}->>'recipient' = ${address}`,
      ),
    )
    .limit(1);
  return seen !== undefined;
}

/**
 * Moves the message to `status` (unless it is already there or past it, per `unless`) and adds a
 * history entry; with `status` null only the entry is added, under the status it has.
 */
async function noteOnMessage(
  db: Db,
  messageId: string,
  status: 'bounced' | 'failed' | null,
  errorCode: string,
  errorMessage: string,
) {
  const at = new Date().toISOString();
  const entry = (s: StatusEntry['status']) => JSON.stringify([{ status: s, at, errorCode, errorMessage }]);
  if (status) {
    const moved = await db
      .update(messages)
      .set({
        status,
        errorCode,
        statusHistory: sql`${messages.statusHistory} || ${entry(status)}::jsonb`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(messages.id, messageId),
          status === 'bounced'
            ? sql`${messages.status} <> 'bounced'`
            : sql`${messages.status} not in ('failed', 'bounced')`,
        ),
      )
      .returning(messageFactsColumns);
    for (const row of moved) await emitWebhookEvents(db, messageWebhookEvent(row, status, { errorCode }));
    return;
  }
  await db
    .update(messages)
    .set({
      statusHistory: sql`${messages.statusHistory} || jsonb_build_array(jsonb_build_object('status', ${messages.status}, 'at', ${at}::text, 'errorCode', ${errorCode}::text, 'errorMessage', ${errorMessage}::text))`,
      updatedAt: new Date(),
    })
    .where(eq(messages.id, messageId));
}

/**
 * Applies a bounce (RFC 3464 DSN) or a complaint (RFC 5965 ARF) that came back to one of the
 * workspace's addresses, when it is about a mail the workspace sent (by the returned Message-ID,
 * else the latest mail to that address): anyone can write a mail that looks like a bounce, so
 * one about an address we never mailed changes nothing. A hard bounce marks the mail `bounced`
 * and suppresses the address; a soft one that is permanent (a policy refusal) fails the mail; a
 * delay only adds to its history. A complaint suppresses the address (unless it says
 * `not-spam`) and is kept on the mail. Each is an `email_events` row, and the same report read
 * twice is applied once. Answers undefined for a mail that is not a report.
 */
export async function applyMailReport(
  db: Db,
  workspaceId: string,
  mail: ParsedInboundMail,
): Promise<AppliedMailReport | undefined> {
  const report = parseMailReport(mail.parsed);
  if (!report) return undefined;
  const messageIds = new Set<string>();
  const suppressed: string[] = [];
  const reportId = report.reportId ? { reportId: report.reportId } : {};
  if (report.type === 'dsn') {
    for (const recipient of report.recipients) {
      const messageId = await sentMessage(db, workspaceId, report.originalMessageId, recipient.address);
      if (!messageId || (await alreadyApplied(db, messageId, report.reportId, recipient.address))) continue;
      messageIds.add(messageId);
      const diagnostic = recipient.diagnostic ?? `${recipient.action} (${recipient.status})`;
      await recordEmailEvent(db, {
        workspaceId,
        messageId,
        type: 'bounce',
        detail: {
          kind: recipient.kind,
          permanent: recipient.permanent,
          status: recipient.status,
          diagnostic,
          recipient: recipient.address,
          ...(recipient.remoteMta ? { remoteMta: recipient.remoteMta } : {}),
          ...(report.reportingMta ? { reportingMta: report.reportingMta } : {}),
          ...reportId,
        },
      });
      await noteOnMessage(
        db,
        messageId,
        recipient.kind === 'hard' ? 'bounced' : recipient.permanent ? 'failed' : null,
        recipient.status,
        diagnostic,
      );
      if (recipient.kind === 'hard') {
        await suppressAddress(db, workspaceId, recipient.address, 'hard-bounce');
        suppressed.push(recipient.address);
      }
    }
    return { report, messageIds: [...messageIds], suppressed };
  }
  // RFC 5965 §7.3: "not-spam" is a person taking a complaint back; every other type stops mail.
  const complaint = report.feedbackType !== 'not-spam';
  for (const address of report.recipients) {
    const messageId = await sentMessage(db, workspaceId, report.originalMessageId, address);
    if (!messageId || (await alreadyApplied(db, messageId, report.reportId, address))) continue;
    messageIds.add(messageId);
    await recordEmailEvent(db, {
      workspaceId,
      messageId,
      type: 'complaint',
      ...(report.userAgent ? { userAgent: report.userAgent } : {}),
      detail: {
        feedbackType: report.feedbackType,
        recipient: address,
        ...(report.sourceIp ? { sourceIp: report.sourceIp } : {}),
        ...(report.arrivalDate ? { arrivalDate: report.arrivalDate } : {}),
        ...reportId,
      },
    });
    await noteOnMessage(db, messageId, null, 'COMPLAINT', `Reported as ${report.feedbackType} by ${address}`);
    if (complaint) {
      await suppressAddress(db, workspaceId, address, 'complaint');
      suppressed.push(address);
    }
  }
  return { report, messageIds: [...messageIds], suppressed };
}
