import { eq } from 'drizzle-orm';
import { ApplicationFailure } from '@temporalio/activity';
import { messages, type Db, type StatusEntry } from '@omniflow/db';
import { statusRank } from '@omniflow/nodes/drivers/messaging';
import { sendRequest } from '@omniflow/nodes/http';
import { NodeError } from '@omniflow/nodes/sdk';
import type { SecretKeyring } from '../credentials/secret-keyring.ts';
import { createStatusWebhookStore } from './status-webhook-store.ts';
import { signStatusNotice, signatureHeader } from './status-webhook-signature.ts';

type Status = StatusEntry['status'];

// Where a message's story ends on each channel. Email stays open after `sent` (accepted) because a
// bounce can come back hours later; WhatsApp after `delivered` because `read` may follow.
const finalStatuses: Record<string, ReadonlySet<Status>> = {
  sms: new Set(['delivered', 'undelivered', 'failed', 'expired']),
  whatsapp: new Set(['read', 'undelivered', 'failed', 'expired']),
  email: new Set(['bounced', 'failed']),
};

/** What a status webhook receives for one change of an API message's status. */
export interface StatusNotice {
  id: string;
  status: Status;
  channel: string;
  to: string;
  at: string;
  errorCode?: string;
  idempotencyKey?: string;
}

export type NoticeOutcome =
  | { index: number; status: Status; outcome: 'delivered'; httpStatus: number }
  | { index: number; outcome: 'unchanged' | 'no-webhook' };

/**
 * An entry is news when its status is past every one before it: a note added under the same
 * status, or a late `sent` after `delivered` (receipts can overtake), would tell a receiver
 * something false about where the message is.
 */
function isNews(history: StatusEntry[], index: number): boolean {
  const rank = (status: Status) => (status in statusRank ? statusRank[status as keyof typeof statusRank] : 1);
  const reached = Math.max(-1, ...history.slice(0, index).map((e) => rank(e.status)));
  return rank(history[index]!.status) > reached;
}

/** The caller's own key, out of the row's `api:key:<key id>:<theirs>` (accept-message.ts). */
const callersKey = (stored: string | null) => /^api:(?:key|user):[^:]+:(.+)$/s.exec(stored ?? '')?.[1];

const receiverTimeoutMs = 10_000;

/**
 * The activities of the send API's status webhook (README "Status webhook"): how far a message's
 * history has got, and the POST of one entry of it, signed. Retried by the workflow's policy; a
 * receiver's 4xx (but 408/429) ends the retries of that notice.
 */
export function createStatusWebhookActivities({
  db,
  keyring,
  allowPrivate,
}: {
  db: Db;
  keyring: () => SecretKeyring;
  allowPrivate: boolean;
}) {
  const store = createStatusWebhookStore(db, keyring);
  const rowOf = async (messageId: string) =>
    (await db.select().from(messages).where(eq(messages.id, messageId)))[0];

  return {
    /** Entries in the message's history so far, whether more can come, and whether anyone listens. */
    async messageStatusProgress(
      messageId: string,
    ): Promise<{ entries: number; final: boolean; hooked: boolean }> {
      const row = await rowOf(messageId);
      if (!row) return { entries: 0, final: true, hooked: false };
      const hooked = (await store.get(row.workspaceId)) !== undefined;
      const final = finalStatuses[row.channel]?.has(row.status) ?? true;
      return { entries: row.statusHistory.length, final, hooked };
    },

    /** POSTs entry `index` of the message's history, when it tells the receiver something new. */
    async notifyMessageStatus(messageId: string, index: number): Promise<NoticeOutcome> {
      const row = await rowOf(messageId);
      const entry = row?.statusHistory[index];
      if (!row || !entry || !isNews(row.statusHistory, index)) return { index, outcome: 'unchanged' };
      const target = await store.target(row.workspaceId);
      if (!target) return { index, outcome: 'no-webhook' };
      const theirKey = callersKey(row.idempotencyKey);
      const notice: StatusNotice = {
        id: row.id,
        status: entry.status,
        channel: row.channel,
        to: row.contactAddress,
        at: entry.at,
        ...(entry.errorCode ? { errorCode: entry.errorCode } : {}),
        ...(theirKey ? { idempotencyKey: theirKey } : {}),
      };
      const body = JSON.stringify(notice);
      let status: number;
      try {
        ({ status } = await sendRequest({
          method: 'POST',
          url: target.url,
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Omniflow-Webhook/1',
            [signatureHeader]: signStatusNotice(target.secret, body, new Date()),
          },
          body,
          timeoutMs: receiverTimeoutMs,
          allowPrivate,
          maxBodyBytes: 64 * 1024,
        }));
      } catch (error) {
        // A URL that now resolves to a private address will not get better by retrying.
        if (error instanceof NodeError && !error.retryable)
          throw ApplicationFailure.nonRetryable(error.message, error.code);
        throw error;
      }
      if (status >= 200 && status < 300)
        return { index, status: entry.status, outcome: 'delivered', httpStatus: status };
      const what = `The status webhook ${target.url} answered ${status} to ${entry.status} of message ${row.id}`;
      // RFC 9110: 408 and 429 say "later"; any other 4xx says this notice is not wanted.
      if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
        console.warn(`${what}: not sent again`);
        throw ApplicationFailure.nonRetryable(what, 'WEBHOOK_REJECTED', { httpStatus: status });
      }
      throw ApplicationFailure.retryable(what, 'WEBHOOK_UNAVAILABLE');
    },
  };
}

export type StatusWebhookActivities = ReturnType<typeof createStatusWebhookActivities>;
