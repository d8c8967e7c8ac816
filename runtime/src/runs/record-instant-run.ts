import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';
import { statementBatcher } from '../batching/statement-batcher.ts';
import { signalRunsEnded } from '../dashboard/runs-ended-signal.ts';
import { stepRows, storableProgress } from '../temporal/progress-writer.ts';
import type { RunProgress } from '../temporal/run-progress.ts';
import { outboxStatement, type WebhookEvent } from '../webhooks/emit-webhook-events.ts';
import { runEndedWebhookEvents, runStartedWebhookEvent } from '../webhooks/run-webhook-events.ts';

/** A run played to its end in the API process (play-instant-run.ts), as its row will say. */
export interface InstantRunRecord {
  workspaceId: string;
  flowId: string;
  flowVersionId: string;
  version: number;
  input: unknown;
  contact: string | null;
  startedAt: Date;
  /** Its whole progress: `ended`, with every step. */
  progress: RunProgress;
}

/**
 * Everything a run that went through Temporal leaves behind, in one statement: its row as its
 * last progress write leaves it (status, output, error, failed node, ended), its steps, and the
 * run.started and run.completed/run.failed deliveries for the workspace's subscriptions (the
 * outbox the dispatcher sends from). One statement is one transaction: either all of it is
 * there, or nothing is, and then the caller was never answered.
 */
export function instantRunsStatement(records: InstantRunRecord[]): SQL {
  const rows = records.map((r) => ({
    id: r.progress.runId,
    workspace_id: r.workspaceId,
    flow_id: r.flowId,
    flow_version_id: r.flowVersionId,
    version: r.version,
    status: r.progress.status,
    current_nodes: r.progress.currentNodes,
    contact: r.contact,
    input: r.input,
    output: r.progress.output ?? null,
    error: r.progress.error ?? null,
    started_at: r.startedAt.toISOString(),
  }));
  const steps = stepRows(records.map((r) => r.progress));
  const events: WebhookEvent[] = records.flatMap((r) => {
    const run = { runId: r.progress.runId, workspaceId: r.workspaceId, flowId: r.flowId, version: r.version };
    return [
      ...runStartedWebhookEvent({ ...run, contact: r.contact, startedAt: r.startedAt }),
      ...runEndedWebhookEvents([r.progress], [{ id: run.runId, flow_id: r.flowId, version: r.version }]),
    ];
  });
  // temporal_workflow_id is the run id, as for every run a start writes: nothing in Temporal has
  // it, which is what run operations (cancel, verify) find for an ended run.
  return sql`
    with written as (
      insert into runs (id, workspace_id, flow_id, flow_version_id, version, status, current_nodes,
        failed_node_id, contact, input, output, error, temporal_workflow_id, started_at, updated_at, ended_at)
      select id, workspace_id, flow_id, flow_version_id, version, status, current_nodes,
        case when status = 'failed' then error ->> 'nodeId' end, contact, input, output, error,
        id::text, started_at, now(), now()
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        id uuid, workspace_id uuid, flow_id uuid, flow_version_id uuid, version integer, status text,
        current_nodes jsonb, contact text, input jsonb, output jsonb, error jsonb, started_at timestamptz)
      on conflict (id) do nothing
      returning id
    ), steps as (
      insert into run_steps (workspace_id, run_id, seq, node_id, node_type, entered_at, left_at, port,
        attempts, input, output, error)
      select workspace_id, run_id, seq, node_id, node_type, entered_at, left_at, port,
        attempts, input, output, error
      from jsonb_to_recordset(${JSON.stringify(steps)}::jsonb) as s(
        workspace_id uuid, run_id uuid, seq integer, node_id text, node_type text, entered_at timestamptz,
        left_at timestamptz, port text, attempts integer, input jsonb, output jsonb, error jsonb)
      where s.run_id in (select id from written)
      on conflict (run_id, seq) do nothing
    ), deliveries as (${outboxStatement(events)})
    select id from written`;
}

// One per database: runs that end in the same turn of the event loop (a burst of webhook calls)
// share the statement, as the progress writer's group commit does for Temporal's runs.
const recorders = new WeakMap<Db, (record: InstantRunRecord) => Promise<boolean>>();

/**
 * Records an instant run; resolves once it is committed (so the caller may answer), true when
 * it wrote the row (false: a row with its id was there already).
 */
export async function recordInstantRun(db: Db, record: InstantRunRecord): Promise<boolean> {
  let write = recorders.get(db);
  if (!write) {
    write = statementBatcher(async (records: InstantRunRecord[]) => {
      const storable = records.map((r) => ({ ...r, progress: storableProgress(r.progress) }));
      const written = await queryRows<{ id: string }>(db, instantRunsStatement(storable));
      const ids = new Set(written.map((row) => row.id));
      signalRunsEnded(records.filter((r) => ids.has(r.progress.runId)).map((r) => r.workspaceId));
      return records.map((r) => ids.has(r.progress.runId));
    });
    recorders.set(db, write);
  }
  return write(record);
}
