import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';
import type { Call, TransferOutcome } from '@omniflow/nodes/drivers/voice';
import { statementBatcher } from '../batching/statement-batcher.ts';
import { runCallFlow, type CallFlowVersion, type CallLine, type TakeCallDeps } from '../voice/take-call.ts';
import { contactScopes } from './campaign-content.ts';
import type { ChunkInput, ChunkResult } from './campaign-sending.ts';
import { loadCampaignContext } from './campaign-targeting.ts';
import { isVoiceFlow } from './voice-campaign-flow.ts';
import { pinnedVersion } from './journey-starts.ts';
import { inQuietHours, pastQuietHours, validZone } from './local-time.ts';

/** Places one call: what a voice driver (the SIP endpoint, a TwiML provider) gives campaigns. */
export type PlaceCall = (
  workspaceId: string,
  to: string,
  options: { callerId: string; ringTimeoutMs: number },
) => Promise<{ outcome: TransferOutcome; call?: Call }>;

export interface VoiceCampaignDeps extends TakeCallDeps {
  /** The calls this process holds and the queue their voice nodes come back to. */
  line: CallLine;
  place: PlaceCall;
  /** The number people see (SIP From user); OMNIFLOW_CAMPAIGN_CALLER_ID. */
  callerId?: string;
  /** How long a call rings before it counts as not answered. */
  ringTimeoutMs?: number;
  /** How often a chunk that waits for a free line looks again (a call of this process ending wakes it sooner). */
  pollMs?: number;
  /** A chunk hands back to the workflow after this long even with people left in its range. */
  maxChunkMs?: number;
  heartbeat?: (details?: unknown) => void;
  onError?: (error: unknown, where: string) => void;
}

/** How many calls a campaign without its own limit has going at once. */
export const defaultConcurrentCalls = 5;

/** Retries of busy and unanswered calls: stored in the schedule (no column of its own yet). */
export interface CallRetries {
  /** Calls per person in all, the first included. */
  attempts: number;
  delaySeconds: number;
}
export const callRetriesOf = (schedule: unknown): CallRetries => {
  const retry = (schedule as { callRetries?: Partial<CallRetries> } | null)?.callRetries;
  return { attempts: Math.max(1, retry?.attempts ?? 1), delaySeconds: Math.max(0, retry?.delaySeconds ?? 0) };
};

type Outcome = 'answered' | 'busy' | 'no_answer' | 'failed';
interface Finished {
  campaignId: string;
  contactId: string;
  outcome: Outcome;
  runId: string | null;
  retries: CallRetries;
}

const statusOf: Record<TransferOutcome, Outcome> = {
  answered: 'answered',
  busy: 'busy',
  'no-answer': 'no_answer',
  failed: 'failed',
};

/** Calls older than this still `calling` belong to a process that died with them. */
const lostCallAfter = "interval '2 hours'";

/**
 * A voice campaign's sends: the `campaignSendChunk` of the voice queue, served by the process
 * that holds the calls (the SIP endpoint). It places calls for its contact range while the
 * campaign has free lines (max_concurrent_calls less the recipients `calling`, counted in SQL so
 * every process shares the limit), and returns once nobody in the range is due. Calls outlive the
 * activity: each one's outcome is written when it ends, with the others that end at once, and the
 * workflow keeps polling while anyone is `calling` (campaignNextDue).
 */
export function createVoiceCampaignCalls(deps: VoiceCampaignDeps) {
  const { db } = deps;
  const report =
    deps.onError ?? ((error, where) => console.warn(`Voice campaign ${where}: ${messageOf(error)}`));
  // A call of this process ended: chunks waiting for a free line look again at once.
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  const finish = statementBatcher(async (items: Finished[]) => {
    await writeOutcomes(db, items);
    return items.map(() => undefined);
  });
  const inFlight = new Set<Promise<void>>();

  async function sendChunk(input: ChunkInput, signal?: AbortSignal): Promise<ChunkResult> {
    const result: ChunkResult = { picked: 0, sent: 0, failed: 0, skipped: 0, deferred: 0 };
    const began = Date.now();
    for (;;) {
      const context = await loadCampaignContext(db, input.campaignId);
      // Paused, cancelled or deleted: the calls going on finish, no new ones start.
      if (!context || context.campaign.status !== 'running') return result;
      const { campaign } = context;
      // The version pinned when the campaign started: one published meanwhile waits for the next campaign.
      const published = await pinnedVersion(db, campaign);
      const version = published && isVoiceFlow(published) ? published : undefined;
      const claimed = await claim(db, input, context, version !== undefined);
      result.picked += claimed.picked.length + claimed.deferred;
      result.deferred += claimed.deferred;
      result.failed += claimed.failedNoFlow;
      if (claimed.picked.length > 0) {
        const scopes = await contactScopes(
          db,
          claimed.picked.map((p) => p.contact_id),
        );
        for (const person of claimed.picked) {
          result.sent++;
          const placing = callOne(campaign, version!, person, scopes.get(person.contact_id) ?? {});
          inFlight.add(placing);
          void placing.finally(() => inFlight.delete(placing));
        }
      }
      deps.heartbeat?.({ placed: result.sent });
      if (!claimed.more || signal?.aborted || Date.now() - began > (deps.maxChunkMs ?? 5 * 60_000))
        return result;
      // Everyone left in the range waits for a line: until a call here ends, or a while.
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          signal?.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, deps.pollMs ?? 2_000);
        waiters.add(done);
        signal?.addEventListener('abort', done, { once: true });
      });
    }
  }

  /** Places one call and runs its flow; resolves once its outcome is written (the call may go on). */
  function callOne(
    campaign: { id: string; name: string; workspaceId: string; schedule: unknown },
    version: CallFlowVersion,
    person: { contact_id: string; address: string },
    contact: Record<string, unknown>,
  ): Promise<void> {
    const retries = callRetriesOf(campaign.schedule);
    let written!: () => void;
    const outcome = new Promise<void>((resolve) => (written = resolve));
    let told = false;
    const tell = (status: Outcome, runId: string | null = null) => {
      if (told) return;
      told = true;
      finish({ campaignId: campaign.id, contactId: person.contact_id, outcome: status, runId, retries })
        .catch((error: unknown) => report(error, `outcome of ${person.contact_id}`))
        .finally(() => {
          written();
          wake();
        });
    };
    const startedAt = new Date();
    let live: Call | undefined;
    void (async () => {
      try {
        const placed = await deps.place(campaign.workspaceId, person.address, {
          callerId: deps.callerId ?? 'omniflow',
          ringTimeoutMs: deps.ringTimeoutMs ?? 30_000,
        });
        if (!placed.call) return tell(statusOf[placed.outcome]);
        const call = (live = placed.call);
        await call.answer();
        await runCallFlow(deps, deps.line, call, version, {
          // What the flow greets the person with: {{input.contact.first_name}}, {{input.campaign.name}}.
          input: {
            callId: call.id,
            from: call.from,
            to: call.to,
            contact: { ...contact, firstName: contact.first_name, lastName: contact.last_name },
            campaign: { id: campaign.id, name: campaign.name },
          },
          contact: person.address,
          startedAt,
          onEnded: (runId) => tell('answered', runId),
        });
      } catch (error) {
        report(error, `call to ${person.contact_id}`);
        // A run that could not start leaves nobody to talk to the person: end the call.
        void live?.hangup().catch(() => undefined);
        tell(live ? 'answered' : 'failed');
      }
    })();
    return outcome;
  }

  return {
    activities: {
      /** `signal`: the worker is stopping (the chunk hands back; its calls go on). */
      async campaignSendChunk(input: ChunkInput, signal?: AbortSignal): Promise<ChunkResult> {
        return sendChunk(input, signal);
      },
    },
    /** Resolves once every call placed so far has its outcome written (for a clean stop). */
    async drain(): Promise<void> {
      await Promise.allSettled([...inFlight]);
    },
  };
}

interface Claimed {
  picked: { contact_id: string; address: string }[];
  deferred: number;
  failedNoFlow: number;
  /** People of the range still due: the chunk waits for a free line for them. */
  more: boolean;
}

/**
 * Takes as many of the range's due people as the campaign has free lines, marking them `calling`
 * (attempts + 1) in one statement. The campaign's row is locked meanwhile, so chunks running at
 * once (in any process) never see the same free lines.
 */
async function claim(
  db: Db,
  input: ChunkInput,
  context: NonNullable<Awaited<ReturnType<typeof loadCampaignContext>>>,
  hasFlow: boolean,
): Promise<Claimed> {
  const { campaign } = context;
  const limit = campaign.maxConcurrentCalls ?? defaultConcurrentCalls;
  const range = sql`${input.afterId ? sql`and r.contact_id > ${input.afterId}::uuid` : sql``}
    ${input.throughId ? sql`and r.contact_id <= ${input.throughId}::uuid` : sql``}`;
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await t.execute(sql`select 1 from campaigns where id = ${campaign.id}::uuid for update`);
    await t.execute(sql`update campaign_recipients set status = 'failed', updated_at = now()
      where campaign_id = ${campaign.id}::uuid and status = 'calling' and updated_at < now() - ${sql.raw(lostCallAfter)}`);
    const [busy] = await queryRows<{ n: string }>(
      t,
      sql`select count(*) as n from campaign_recipients where campaign_id = ${campaign.id}::uuid and status = 'calling'`,
    );
    const free = Math.max(0, limit - Number(busy?.n ?? 0));
    const due = await queryRows<{ contact_id: string; address: string; timezone: string | null }>(
      t,
      sql`select r.contact_id, r.address, c.timezone from campaign_recipients r join contacts c on c.id = r.contact_id
        where r.campaign_id = ${campaign.id}::uuid and r.status = 'pending' and r.due_at <= ${input.now}::timestamptz ${range}
        order by r.contact_id limit ${Math.min(input.limit, free) + 1}`,
    );
    const now = new Date(input.now);
    if (!hasFlow && due.length > 0) {
      // The flow was unpublished after the start: nobody can be called with it.
      const failed = await queryRows<{ contact_id: string }>(
        t,
        sql`update campaign_recipients r set status = 'failed', attempts = attempts + 1, updated_at = now()
          where r.campaign_id = ${campaign.id}::uuid and r.status = 'pending' and r.due_at <= ${input.now}::timestamptz ${range}
          returning r.contact_id`,
      );
      return { picked: [], deferred: 0, failedNoFlow: failed.length, more: false };
    }
    // Nobody is called at night either: quiet hours move the call to the morning.
    const quiet = due.filter((r) =>
      inQuietHours(now, validZone(r.timezone, context.defaultZone), context.quietHours),
    );
    if (quiet.length > 0)
      await t.execute(sql`update campaign_recipients r set due_at = v.due_at::timestamptz, updated_at = now()
        from (values ${sql.join(
          quiet.map(
            (r) =>
              sql`(${r.contact_id}::uuid, ${pastQuietHours(now, validZone(r.timezone, context.defaultZone), context.quietHours).toISOString()})`,
          ),
          sql`, `,
        )}) as v(contact_id, due_at)
        where r.campaign_id = ${campaign.id}::uuid and r.contact_id = v.contact_id`);
    const quietIds = new Set(quiet.map((r) => r.contact_id));
    const ready = due.filter((r) => !quietIds.has(r.contact_id));
    const take = ready.slice(0, Math.min(input.limit, free));
    if (take.length > 0)
      await t.execute(sql`update campaign_recipients set status = 'calling', attempts = attempts + 1, updated_at = now()
        where campaign_id = ${campaign.id}::uuid and contact_id in (${sql.join(
          take.map((r) => sql`${r.contact_id}::uuid`),
          sql`, `,
        )})`);
    return {
      picked: take.map((r) => ({ contact_id: r.contact_id, address: r.address })),
      deferred: quiet.length,
      failedNoFlow: 0,
      more: ready.length > take.length,
    };
  });
}

/**
 * The calls that ended, in one statement: busy and unanswered people go back to `pending` for
 * a later try while they have attempts left, the rest keep their outcome; an answered one keeps
 * its run.
 */
async function writeOutcomes(db: Db, items: Finished[]) {
  if (items.length === 0) return;
  await db.execute(sql`update campaign_recipients r set
      status = case when v.outcome in ('busy', 'no_answer') and r.attempts < v.attempts then 'pending' else v.outcome end,
      due_at = case when v.outcome in ('busy', 'no_answer') and r.attempts < v.attempts
        then now() + make_interval(secs => v.delay) else r.due_at end,
      run_id = coalesce(v.run_id, r.run_id), updated_at = now()
    from (values ${sql.join(
      items.map(
        (i) =>
          sql`(${i.campaignId}::uuid, ${i.contactId}::uuid, ${i.outcome}::text, ${i.runId}::uuid, ${i.retries.attempts}::integer, ${i.retries.delaySeconds}::double precision)`,
      ),
      sql`, `,
    )}) as v(campaign_id, contact_id, outcome, run_id, attempts, delay)
    where r.campaign_id = v.campaign_id and r.contact_id = v.contact_id and r.status = 'calling'`);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
