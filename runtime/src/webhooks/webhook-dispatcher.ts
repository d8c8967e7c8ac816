import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';
import { sendRequest } from '@omniflow/nodes/http';
import { NodeError } from '@omniflow/nodes/sdk';
import type { SecretKeyring } from '../credentials/secret-keyring.ts';
import { signatureHeader, signStatusNotice } from '../transactional/status-webhook-signature.ts';
import { createWebhookSubscriptions } from './webhook-subscriptions.ts';

export const eventIdHeader = 'Omniflow-Event-Id';
export const eventTypeHeader = 'Omniflow-Event-Type';

export interface WebhookDispatcherOptions {
  db: Db;
  keyring: () => SecretKeyring;
  /** OMNIFLOW_HTTP_ALLOW_PRIVATE: the same rule as the http.request node and the status webhook. */
  allowPrivate: boolean;
  /** Deliveries claimed per pass (default 200). */
  batchSize?: number;
  /** POSTs in flight at once (default 32). */
  concurrency?: number;
  /** The first retry's wait; each next one doubles, up to `retryMaxMs` (defaults 30 s, 1 h). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  timeoutMs?: number;
}

interface Claimed {
  id: string;
  workspace_id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  body: string;
  attempts: number;
  give_up_at: string;
}

interface Outcome {
  id: string;
  workspace_id: string;
  attempted_at: string;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  state: 'pending' | 'delivered' | 'failed';
  next_attempt_at: string | null;
}

// A claimed delivery is leased this long: a worker that stops mid-POST leaves it to another.
const leaseSeconds = 300;

/**
 * Sends due deliveries from the outbox (webhook_deliveries): claimed in batches with SKIP LOCKED
 * so several workers share the work, POSTed signed, and the outcomes written back in two
 * statements per batch. A failure waits twice as long as the one before, until a day after the
 * event; a 2xx answer is delivered, anything else (an answer or none) is tried again.
 */
export function createWebhookDispatcher(options: WebhookDispatcherOptions) {
  const { db } = options;
  const batchSize = options.batchSize ?? 200;
  const concurrency = options.concurrency ?? 32;
  const retryBaseMs = options.retryBaseMs ?? 30_000;
  const retryMaxMs = options.retryMaxMs ?? 3_600_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const subscriptions = createWebhookSubscriptions(db, options.keyring);

  const claim = () =>
    queryRows<Claimed>(
      db,
      sql`
        with due as (
          select d.id from webhook_deliveries d
          join webhook_subscriptions s on s.id = d.subscription_id and s.active
          where d.state = 'pending' and d.next_attempt_at <= now()
          order by d.next_attempt_at
          limit ${batchSize}
          for update of d skip locked)
        update webhook_deliveries d set next_attempt_at = now() + make_interval(secs => ${leaseSeconds})
        from due where d.id = due.id
        returning d.id, d.workspace_id, d.subscription_id, d.event_id, d.event_type, d.body, d.attempts,
          d.give_up_at`,
    );

  async function attempt(
    delivery: Claimed,
    target: { url: string; secret: string } | undefined,
  ): Promise<Outcome> {
    const started = Date.now();
    const attemptedAt = new Date(started).toISOString();
    let statusCode: number | null = null;
    let error: string | null = null;
    let permanent = false;
    if (!target) {
      error = 'The subscription is gone';
      permanent = true;
    } else {
      try {
        ({ status: statusCode } = await sendRequest({
          method: 'POST',
          url: target.url,
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Omniflow-Webhook/1',
            [signatureHeader]: signStatusNotice(target.secret, delivery.body, new Date()),
            [eventIdHeader]: delivery.event_id,
            [eventTypeHeader]: delivery.event_type,
          },
          body: delivery.body,
          timeoutMs,
          allowPrivate: options.allowPrivate,
          maxBodyBytes: 64 * 1024,
        }));
        if (statusCode < 200 || statusCode >= 300) error = `The receiver answered ${statusCode}`;
      } catch (thrown) {
        error = thrown instanceof Error ? thrown.message : String(thrown);
        // A URL that now resolves to a private address will not get better by waiting.
        permanent = thrown instanceof NodeError && thrown.code === 'HTTP_TARGET_BLOCKED';
      }
    }
    const durationMs = Date.now() - started;
    const base = {
      id: delivery.id,
      workspace_id: delivery.workspace_id,
      attempted_at: attemptedAt,
      status_code: statusCode,
      duration_ms: durationMs,
      error,
    };
    if (error === null) return { ...base, state: 'delivered', next_attempt_at: null };
    const waitMs = Math.min(retryBaseMs * 2 ** delivery.attempts, retryMaxMs);
    const next = new Date(Date.now() + waitMs);
    if (permanent || next > new Date(delivery.give_up_at))
      return { ...base, state: 'failed', next_attempt_at: null };
    return { ...base, state: 'pending', next_attempt_at: next.toISOString() };
  }

  async function record(outcomes: Outcome[]) {
    const json = JSON.stringify(outcomes);
    await db.execute(sql`
      with o as (
        select * from jsonb_to_recordset(${json}::jsonb) as o(id uuid, workspace_id uuid,
          attempted_at timestamptz, status_code integer, duration_ms integer, error text, state text,
          next_attempt_at timestamptz)),
      logged as (
        insert into webhook_delivery_attempts (id, delivery_id, workspace_id, attempted_at, status_code,
          duration_ms, error)
        select gen_random_uuid(), o.id, o.workspace_id, o.attempted_at, o.status_code, o.duration_ms, o.error
        from o
        returning 1)
      update webhook_deliveries d set
        state = o.state,
        attempts = d.attempts + 1,
        next_attempt_at = o.next_attempt_at,
        last_status_code = o.status_code,
        last_error = o.error,
        delivered_at = case when o.state = 'delivered' then o.attempted_at else d.delivered_at end
      from o where d.id = o.id`);
  }

  return {
    /** One pass: claims what is due, sends it, records the outcomes. Answers how many it tried. */
    async deliverDue(): Promise<number> {
      const claimed = await claim();
      if (claimed.length === 0) return 0;
      const targets = await subscriptions.targets([...new Set(claimed.map((c) => c.subscription_id))]);
      const outcomes: Outcome[] = [];
      let next = 0;
      const lane = async () => {
        while (next < claimed.length) {
          const delivery = claimed[next++]!;
          outcomes.push(await attempt(delivery, targets.get(delivery.subscription_id)));
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, lane));
      await record(outcomes);
      return claimed.length;
    },
    /**
     * Forgets deliveries that ended (delivered or given up on) more than `days` ago, a slice at a
     * time; pending ones are kept whatever their age. Answers how many went.
     */
    async pruneLog(days: number): Promise<number> {
      const gone = await queryRows<{ id: string }>(
        db,
        sql`delete from webhook_deliveries where id in (
          select id from webhook_deliveries
          where state <> 'pending' and created_at < now() - make_interval(days => ${days})
          limit 10000)
        returning id`,
      );
      return gone.length;
    },
    batchSize,
  };
}

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;

/**
 * Runs the dispatcher in the worker until stopped: a full batch is followed at once by the next
 * (a campaign's burst drains at full speed), anything less waits `everyMs`. Ended deliveries
 * older than `logDays` (30) leave the log.
 */
export function startWebhookDispatcher(
  dispatcher: WebhookDispatcher,
  {
    everyMs,
    onError,
    logDays = 30,
  }: { everyMs: number; onError: (error: unknown) => void; logDays?: number },
) {
  let stopped = false;
  let wake: (() => void) | undefined;
  let prunedAt = 0;
  const loop = (async () => {
    while (!stopped) {
      let tried = 0;
      try {
        tried = await dispatcher.deliverDue();
        // The log is kept `logDays`; looked at hourly, the delete is a slice of a day's rows.
        if (Date.now() - prunedAt > 3_600_000) {
          prunedAt = Date.now();
          await dispatcher.pruneLog(logDays);
        }
      } catch (error) {
        onError(error);
      }
      if (tried < dispatcher.batchSize && !stopped)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, everyMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
