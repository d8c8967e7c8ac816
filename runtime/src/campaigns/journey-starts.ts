import type { Client } from '@temporalio/client';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { campaigns, flowVersions, newId, queryRows, runs, type Db } from '@omniflow/db';
import { startFlowRun } from '../runs/start-flow-run.ts';
import { runWorkflow } from '../runs/run-workflow.ts';
import { contactScopes } from './campaign-content.ts';
import type { ChunkInput, ChunkResult } from './campaign-sending.ts';
import { loadCampaignContext } from './campaign-targeting.ts';
import { inQuietHours, pastQuietHours, validZone } from './local-time.ts';

export interface JourneyStartDeps {
  db: Db;
  temporal: Client;
  /** The flow task queue the runs go to. */
  taskQueue: string;
  /** Starts in flight at once (the sliding window). */
  window?: number;
  heartbeat?: (details?: unknown) => void;
}

/** A person's journey has one Temporal workflow id per campaign. */
export const journeyWorkflowId = (campaignId: string, contactId: string) =>
  `campaign:${campaignId}:${contactId}`;

/** The newest published version of a flow, or undefined when it was never published. */
export async function publishedVersion(db: Db, workspaceId: string, flowId: string) {
  const [version] = await db
    .select()
    .from(flowVersions)
    .where(
      and(
        eq(flowVersions.workspaceId, workspaceId),
        eq(flowVersions.flowId, flowId),
        eq(flowVersions.kind, 'published'),
      ),
    )
    .orderBy(desc(flowVersions.version))
    .limit(1);
  return version;
}

/**
 * What `campaigns.flow_version` becomes when a campaign starts: for a journey or a voice campaign,
 * the newest published version of its flow then (kept if already pinned); every person's run (or
 * call) starts on it, so a version published mid-campaign changes nothing for the people still to come.
 */
export const flowVersionAtStart = sql<number | null>`case when ${campaigns.kind} in ('journey', 'voice')
  then coalesce(${campaigns.flowVersion}, (select max(v.version) from flow_versions v
    where v.flow_id = ${campaigns.flowId} and v.kind = 'published'))
  else ${campaigns.flowVersion} end`;

/** The version a journey's runs (a voice campaign's calls) start on: the pinned one (pinned now when the start did not). */
export async function pinnedVersion(db: Db, campaign: typeof campaigns.$inferSelect) {
  if (!campaign.flowId) return undefined;
  let version = campaign.flowVersion;
  if (version === null) {
    // A campaign started before versions were pinned: pinned at its first chunk, once for all.
    const [pinned] = await db
      .update(campaigns)
      .set({ flowVersion: flowVersionAtStart })
      .where(eq(campaigns.id, campaign.id))
      .returning({ flowVersion: campaigns.flowVersion });
    version = pinned?.flowVersion ?? null;
  }
  if (version === null) return undefined;
  const [row] = await db
    .select()
    .from(flowVersions)
    .where(
      and(
        eq(flowVersions.workspaceId, campaign.workspaceId),
        eq(flowVersions.flowId, campaign.flowId),
        eq(flowVersions.kind, 'published'),
        eq(flowVersions.version, version),
      ),
    );
  return row;
}

interface DueRow {
  contact_id: string;
  address: string | null;
  timezone: string | null;
  run_id: string | null;
}

/** What contactScopes gives besides the custom fields. */
const scopeFields = new Set([
  'id',
  'first_name',
  'last_name',
  'name',
  'language',
  'tags',
  'phone',
  'email',
  'whatsapp',
  'webchat',
]);

const values = (rows: ReturnType<typeof sql>[]) => sql.join(rows, sql`, `);

/**
 * Starts the journeys of a chunk of a journey campaign's due recipients: the campaign's published
 * flow once per person through startFlowRun, `window` starts in flight at a time.
 *
 * Exactly once, across a chunk retried after a crash: each recipient is given its run id in one
 * statement before any start (`coalesce` keeps the id an earlier attempt gave), and a run whose row
 * an earlier attempt wrote is started only when Temporal has no workflow of it (a running one would
 * refuse the start by its id anyway; a finished one would not, so it is looked up). Only what
 * started is marked `started`; a cancel or pause seen between windows leaves the rest pending.
 */
export async function startJourneyChunk(deps: JourneyStartDeps, input: ChunkInput): Promise<ChunkResult> {
  const { db } = deps;
  const result: ChunkResult = { picked: 0, sent: 0, failed: 0, skipped: 0, deferred: 0 };
  const context = await loadCampaignContext(db, input.campaignId);
  if (!context || context.campaign.status === 'cancelled') return result;
  const { campaign } = context;
  const channel = campaign.channels[0]!;
  const due = await queryRows<DueRow>(
    db,
    sql`select r.contact_id, r.address, c.timezone, r.run_id
      from campaign_recipients r join contacts c on c.id = r.contact_id
      where r.campaign_id = ${campaign.id}::uuid and r.status = 'pending' and r.due_at <= ${input.now}::timestamptz
        ${input.afterId ? sql`and r.contact_id > ${input.afterId}::uuid` : sql``}
        ${input.throughId ? sql`and r.contact_id <= ${input.throughId}::uuid` : sql``}
      order by r.contact_id limit ${input.limit}`,
  );
  result.picked = due.length;
  if (due.length === 0) return result;
  const now = new Date(input.now);

  // A journey's first message goes right after its start: quiet hours defer the start itself.
  const zoneOf = (r: DueRow) => validZone(r.timezone, context.defaultZone);
  const quiet = due.filter((r) => inQuietHours(now, zoneOf(r), context.quietHours));
  if (quiet.length > 0) {
    await db.execute(sql`update campaign_recipients r set due_at = v.due_at::timestamptz, updated_at = now()
      from (values ${values(
        quiet.map(
          (r) =>
            sql`(${r.contact_id}::uuid, ${pastQuietHours(now, zoneOf(r), context.quietHours).toISOString()})`,
        ),
      )}) as v(contact_id, due_at)
      where r.campaign_id = ${campaign.id}::uuid and r.contact_id = v.contact_id`);
    result.deferred = quiet.length;
  }
  const quietIds = new Set(quiet.map((r) => r.contact_id));
  let ready = due.filter((r) => !quietIds.has(r.contact_id));

  // Opt-outs that arrived since the recipient was written.
  const outcomes: { contactId: string; status: 'started' | 'skipped' | 'failed'; runId?: string }[] = [];
  if (ready.length > 0) {
    const addressed = ready.filter((r) => r.address);
    const refused =
      addressed.length === 0
        ? []
        : await queryRows<{ address: string }>(
            db,
            sql`select address from contact_channels where workspace_id = ${campaign.workspaceId}::uuid
              and channel = ${channel} and opted_out_at is not null
              and address in (${values(addressed.map((r) => sql`${r.address}`))})`,
          );
    const out = new Set(refused.map((r) => r.address));
    for (const r of ready)
      if (r.address && out.has(r.address)) outcomes.push({ contactId: r.contact_id, status: 'skipped' });
    ready = ready.filter((r) => !(r.address && out.has(r.address)));
  }

  try {
    await startReady();
  } finally {
    // What started is recorded even when a later start failed (Temporal away): the retry skips it.
    await writeOutcomes(db, campaign.id, outcomes);
    for (const o of outcomes)
      result[o.status === 'started' ? 'sent' : o.status === 'failed' ? 'failed' : 'skipped']++;
  }
  return result;

  async function startReady() {
    const version = await pinnedVersion(db, campaign);
    if (!version) {
      // Never published when it started (or the flow is gone): these people cannot start.
      for (const r of ready) outcomes.push({ contactId: r.contact_id, status: 'failed' });
      return;
    }

    if (ready.length > 0) {
      // The mark first: every recipient of the chunk gets its run id before any run starts.
      const marked = await queryRows<{ contact_id: string; run_id: string }>(
        db,
        sql`update campaign_recipients r set run_id = coalesce(r.run_id, v.run_id), updated_at = now()
        from (values ${values(ready.map((r) => sql`(${r.contact_id}::uuid, ${newId()}::uuid)`))}) as v(contact_id, run_id)
        where r.campaign_id = ${campaign.id}::uuid and r.contact_id = v.contact_id
        returning r.contact_id, r.run_id`,
      );
      const runIdOf = new Map(marked.map((m) => [m.contact_id, m.run_id]));
      // Rows an earlier attempt wrote: noted ones started; unnoted ones may have, Temporal says.
      const earlier = await db
        .select({
          id: runs.id,
          temporalWorkflowId: runs.temporalWorkflowId,
          temporalRunId: runs.temporalRunId,
        })
        .from(runs)
        .where(inArray(runs.id, [...runIdOf.values()]));
      const alreadyStarted = new Set<string>();
      const neverStarted: string[] = [];
      for (const row of earlier) {
        if (row.temporalRunId) alreadyStarted.add(row.id);
        else {
          const execution = await runWorkflow(deps.temporal, row);
          if (execution) {
            await db.update(runs).set({ temporalRunId: execution.runId }).where(eq(runs.id, row.id));
            alreadyStarted.add(row.id);
          } else neverStarted.push(row.id);
        }
      }
      // Rows whose workflow never started: the start is being asked again, with the same id, so the
      // row is written afresh (the run-start reconciler may have failed it as abandoned meanwhile).
      if (neverStarted.length > 0)
        await db.delete(runs).where(and(inArray(runs.id, neverStarted), isNull(runs.temporalRunId)));
      const scopes = await contactScopes(
        db,
        ready.map((r) => r.contact_id),
      );
      const window = Math.max(1, deps.window ?? 16);
      let next = 0;
      let stopped = false;
      let startedCount = 0;
      const startOne = async (r: DueRow) => {
        const runId = runIdOf.get(r.contact_id)!;
        if (!alreadyStarted.has(runId)) {
          const scope = scopes.get(r.contact_id) ?? {};
          const { first_name, last_name, name, language, tags, phone, email, whatsapp } = scope;
          // The rest of the scope is the contact's custom fields.
          const attributes = Object.fromEntries(
            Object.entries(scope).filter(([key]) => !scopeFields.has(key)),
          );
          await startFlowRun(
            { db, temporal: deps.temporal, taskQueue: deps.taskQueue },
            {
              workspaceId: campaign.workspaceId,
              version,
              id: runId,
              workflowId: journeyWorkflowId(campaign.id, r.contact_id),
              input: {
                campaignId: campaign.id,
                contactId: r.contact_id,
                contact: r.address,
                ...(phone ? { phone } : {}),
                ...(email ? { email } : {}),
                ...(whatsapp ? { whatsapp } : {}),
                firstName: first_name ?? null,
                lastName: last_name ?? null,
                name: name ?? '',
                language: language ?? '',
                tags: tags ?? [],
                attributes,
              },
            },
          );
        }
        outcomes.push({ contactId: r.contact_id, status: 'started', runId });
        deps.heartbeat?.({ started: ++startedCount });
      };
      // A sliding window: a new start begins as soon as one in flight ends. Every `window` starts
      // the campaign's status is read again, so a pause or cancel stops the chunk there.
      const lane = async () => {
        while (!stopped && next < ready.length) {
          if (next > 0 && next % window === 0 && (await stopRequested(db, campaign.id))) stopped = true;
          if (stopped || next >= ready.length) break;
          await startOne(ready[next++]!);
        }
      };
      await Promise.all(Array.from({ length: Math.min(window, ready.length) }, lane));
    }
  }
}

async function stopRequested(db: Db, campaignId: string): Promise<boolean> {
  const [row] = await db
    .select({ status: campaigns.status })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  return !row || row.status === 'cancelled' || row.status === 'paused';
}

async function writeOutcomes(
  db: Db,
  campaignId: string,
  outcomes: { contactId: string; status: 'started' | 'skipped' | 'failed' }[],
) {
  if (outcomes.length === 0) return;
  await db.execute(sql`update campaign_recipients r set
      status = v.status, skip_reason = v.reason, attempts = r.attempts + 1, updated_at = now()
    from (values ${values(
      outcomes.map(
        (o) =>
          sql`(${o.contactId}::uuid, ${o.status}::text, ${o.status === 'skipped' ? 'opted_out' : null}::text)`,
      ),
    )}) as v(contact_id, status, reason)
    where r.campaign_id = ${campaignId}::uuid and r.contact_id = v.contact_id and r.status = 'pending'`);
}
