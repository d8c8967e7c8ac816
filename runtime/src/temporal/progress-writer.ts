import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';
import type { RunFault } from '../machine/run-context.ts';
import {
  isStorableJson,
  storableJson,
  storableText,
  unstorableTextReason,
  MAX_STORED_JSON_DEPTH,
} from '../limits/storable-json.ts';
import { runNotStartedCode } from '../runs/run-workflow.ts';
import type { RunProgress } from './run-progress.ts';
import { emitWebhookEvents } from '../webhooks/emit-webhook-events.ts';
import { runEndedWebhookEvents, type WrittenRun } from '../webhooks/run-webhook-events.ts';
import { signalRunsEnded } from '../dashboard/runs-ended-signal.ts';

interface Pending {
  progress: RunProgress;
  resolve: () => void;
}

/** Folds several records of one run into one: later steps and the later run state win. */
function fold(records: RunProgress[]): RunProgress {
  const steps = new Map<number, RunProgress['steps'][number]>();
  for (const record of records) for (const step of record.steps) steps.set(step.seq, step);
  const events = records.flatMap((r) => r.events ?? []);
  const last = records[records.length - 1]!;
  const output = records.findLast((r) => r.output !== undefined)?.output;
  const error = records.findLast((r) => r.error !== undefined)?.error;
  return {
    ...last,
    steps: [...steps.values()],
    ...(events.length > 0 ? { events } : {}),
    ...(output !== undefined ? { output } : {}),
    ...(error !== undefined ? { error } : {}),
    ended: records.some((r) => r.ended),
  };
}

/**
 * Writes a batch of runs' progress in one statement: the steps are upserted on their
 * (run_id, seq) key and the runs updated, so writing the same batch twice changes nothing.
 * A step is left once: the first `left_at` stays, even when a retry re-runs the workflow task
 * that left it (its activity is not run again).
 *
 * The runs are also named as an array of ids: the planner takes the record set for 100 rows
 * whatever its size, and joined on that alone it hashed the batch and read every row of
 * `runs` for each write (until the table grew past about 10,000 rows). `id = any(ids)` makes
 * it look the batch's runs up by key.
 */
export async function writeProgressBatch(db: Db, batch: RunProgress[]): Promise<void> {
  const written = await queryRows<WrittenRun>(db, progressBatchStatement(batch));
  signalRunsEnded(batch.filter((p) => p.ended).map((p) => p.workspaceId));
  await emitWebhookEvents(db, runEndedWebhookEvents(batch, written));
}

/** The run_steps rows of runs' progress, as the writers' jsonb_to_recordset reads them. */
export function stepRows(batch: Pick<RunProgress, 'workspaceId' | 'runId' | 'steps'>[]) {
  return batch.flatMap((p) =>
    p.steps.map((s) => ({
      workspace_id: p.workspaceId,
      run_id: p.runId,
      seq: s.seq,
      node_id: s.nodeId,
      node_type: s.nodeType,
      entered_at: s.enteredAt,
      left_at: s.leftAt ?? null,
      port: s.port ?? null,
      temporal_run_id: s.temporalRunId ?? null,
      wft_event_id: s.wft ?? null,
      attempts: s.attempts ?? null,
      input: s.input ?? null,
      output: s.output ?? null,
      error: s.error ?? null,
    })),
  );
}

/** The statement writeProgressBatch runs (exported for the test that checks its plan). */
export function progressBatchStatement(batch: RunProgress[]): SQL {
  const steps = stepRows(batch);
  const events = batch.flatMap((p) =>
    (p.events ?? []).map((e) => ({
      workspace_id: p.workspaceId,
      run_id: p.runId,
      seq: e.seq,
      type: e.type,
      data: e.data ?? null,
      received_at: e.receivedAt,
    })),
  );
  const updates = batch.map((p) => ({
    id: p.runId,
    status: p.status,
    current_nodes: p.currentNodes,
    output: p.output ?? null,
    error: p.error ?? null,
    ended: p.ended,
  }));
  return sql`
    with upserted as (
      insert into run_steps (workspace_id, run_id, seq, node_id, node_type, entered_at, left_at, port,
        temporal_run_id, wft_event_id, attempts, input, output, error)
      select workspace_id, run_id, seq, node_id, node_type, entered_at, left_at, port,
        temporal_run_id, wft_event_id, attempts, input, output, error
      from jsonb_to_recordset(${JSON.stringify(steps)}::jsonb) as s(
        workspace_id uuid, run_id uuid, seq integer, node_id text, node_type text, entered_at timestamptz,
        left_at timestamptz, port text, temporal_run_id text, wft_event_id integer, attempts integer,
        input jsonb, output jsonb, error jsonb)
      on conflict (run_id, seq) do update set
        node_id = excluded.node_id, node_type = excluded.node_type, entered_at = excluded.entered_at,
        left_at = coalesce(run_steps.left_at, excluded.left_at), port = excluded.port, temporal_run_id = excluded.temporal_run_id,
        wft_event_id = excluded.wft_event_id, attempts = excluded.attempts,
        input = excluded.input, output = excluded.output, error = excluded.error
      returning 1
    ), received as (
      insert into run_events (workspace_id, run_id, seq, type, data, received_at)
      select workspace_id, run_id, seq, type, data, received_at
      from jsonb_to_recordset(${JSON.stringify(events)}::jsonb) as e(
        workspace_id uuid, run_id uuid, seq integer, type text, data jsonb, received_at timestamptz)
      on conflict (run_id, seq) do update set
        type = excluded.type, data = excluded.data, received_at = excluded.received_at
      returning 1
    )
    update runs set
      status = u.status,
      current_nodes = u.current_nodes,
      updated_at = now(),
      output = coalesce(u.output, runs.output),
      error = coalesce(u.error, runs.error),
      failed_node_id = case when u.status in ('failed', 'abandoned') then coalesce(u.error ->> 'nodeId', runs.failed_node_id) end,
      ended_at = case when u.ended then now() else runs.ended_at end
    from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as u(
      id uuid, status text, current_nodes jsonb, output jsonb, error jsonb, ended boolean)
    where runs.id = u.id and runs.id = any(${`{${batch.map((p) => p.runId).join(',')}}`}::uuid[])
      -- A run given up on before its workflow started stays given up on: the workflow that
      -- started late is being terminated, and its first steps must not make the run look alive.
      and coalesce(runs.error ->> 'code', '') <> ${runNotStartedCode}
    returning runs.id, runs.flow_id, runs.version`;
}

/** The database's own words: drizzle wraps the driver's error, whose message names the problem. */
const errorMessage = (error: unknown) =>
  String((error instanceof Error && error.cause instanceof Error ? error.cause : error) ?? 'unknown');

const sqlStates = (error: unknown) =>
  [error, (error as { cause?: unknown })?.cause].map((e) => (e as { code?: unknown } | undefined)?.code);

// 23503 foreign_key_violation: a run row is gone (its flow was deleted); nothing to record into.
const isMissingRun = (error: unknown) => sqlStates(error).includes('23503');

/**
 * The database refused what the rows say, not the write: SQLSTATE class 22 (data exception: a
 * NUL byte, bad Unicode, a number or date out of range), 23 (integrity) or 54 (program limit:
 * nested too deep, too large). Writing the same rows again would fail the same way; any other
 * failure (an outage, a missing table) may pass and is retried.
 */
const isRefusedContent = (error: unknown) =>
  sqlStates(error).some((code) => typeof code === 'string' && /^(22|23|54)/.test(code));

/** The code on a run whose progress, or part of it, the database could not take. */
export const PROGRESS_NOT_RECORDED = 'PROGRESS_NOT_RECORDED';

/** The run's own fault, if any, with a note of what was not recorded; else a fault of its own. */
function withNote(error: RunFault | undefined, note: string): RunFault {
  const message = `Part of this run's progress could not be recorded: ${note}`;
  return error
    ? { ...error, message: `${error.message} (${message})` }
    : { code: PROGRESS_NOT_RECORDED, message };
}

const storableFault = (fault: RunFault): RunFault => ({
  ...fault,
  code: storableText(fault.code),
  message: storableText(fault.message),
  ...(fault.nodeId === undefined ? {} : { nodeId: storableText(fault.nodeId) }),
});

/**
 * The record as the database can take it: text without NUL characters or lone surrogates, and
 * values nested deeper than MAX_STORED_JSON_DEPTH cut (PGlite would crash on them, not refuse
 * them), noted on the run's error. Returns the record itself when nothing needs it, which is
 * nearly always, so the usual write copies nothing.
 */
export function storableProgress(record: RunProgress): RunProgress {
  const texts = [
    record.status,
    ...record.currentNodes,
    ...record.steps.flatMap((s) => [s.nodeId, s.nodeType, s.port ?? '', s.temporalRunId ?? '']),
    ...(record.events ?? []).map((e) => e.type),
  ];
  const values = [
    record.output,
    record.error,
    ...record.steps.flatMap((s) => [s.input, s.output, s.error]),
    ...(record.events ?? []).map((e) => e.data),
  ];
  if (texts.every((t) => unstorableTextReason(t) === undefined) && values.every((v) => isStorableJson(v)))
    return record;

  const cut: string[] = [];
  const store = (value: unknown, what: string): unknown => {
    const stored = storableJson(value);
    if (stored.cut) cut.push(what);
    return stored.value;
  };
  const steps = record.steps.map((step) => ({
    ...step,
    nodeId: storableText(step.nodeId),
    nodeType: storableText(step.nodeType),
    ...(step.port === undefined ? {} : { port: storableText(step.port) }),
    ...(step.temporalRunId === undefined ? {} : { temporalRunId: storableText(step.temporalRunId) }),
    ...(step.input === undefined
      ? {}
      : { input: store(step.input, `the input of step ${step.seq} (${step.nodeId})`) }),
    ...(step.output === undefined
      ? {}
      : { output: store(step.output, `the output of step ${step.seq} (${step.nodeId})`) }),
    ...(step.error === undefined ? {} : { error: storableFault(step.error) }),
  }));
  const events = record.events?.map((event) => ({
    ...event,
    type: storableText(event.type),
    ...(event.data === undefined
      ? {}
      : { data: store(event.data, `the data of event ${event.seq} (${event.type})`) }),
  }));
  const output = record.output === undefined ? undefined : store(record.output, 'the run output');
  const error = record.error === undefined ? undefined : storableFault(record.error);
  const note = `${cut.join(', ')} nested deeper than ${MAX_STORED_JSON_DEPTH} levels`;
  const fault = cut.length > 0 ? withNote(error, note) : error;
  return {
    ...record,
    currentNodes: record.currentNodes.map(storableText),
    steps,
    ...(events ? { events } : {}),
    ...(output === undefined ? {} : { output }),
    ...(fault === undefined ? {} : { error: fault }),
  };
}

export interface ProgressWriter {
  /** Resolves once the record is in the database; never rejects (it retries instead). */
  write(progress: RunProgress): Promise<void>;
}

/**
 * Group commit for run progress: records that arrive while a write is in flight go out together
 * in the next one, so 50 busy runs cost one statement, not 50. A run's records keep their order
 * because they are folded within a batch and batches are written one after another.
 *
 * A write also starts only once the event loop has handled the I/O already waiting
 * (setImmediate), not on the first record: the worker hands over the completions of several
 * workflow tasks in one turn, and PGlite runs a statement synchronously on this thread, so
 * without the wait those records would never overlap a write in flight and each would pay a
 * statement of its own. The wait adds no timer and no delay when nothing else is pending.
 */
export function createProgressWriter(
  db: Db,
  log: (message: string) => void = (m) => console.warn(m),
): ProgressWriter {
  let queue: Pending[] = [];
  let writing = false;

  async function writeBatch(batch: Pending[]) {
    const byRun = new Map<string, RunProgress[]>();
    for (const { progress } of batch)
      byRun.set(progress.runId, [...(byRun.get(progress.runId) ?? []), progress]);
    await writeUntilDone([...byRun.values()].map(fold).map(storableProgress));
  }

  /** `refusedBefore`: the record is what is left after a refusal; a second one gives up. */
  async function writeUntilDone(records: RunProgress[], refusedBefore = false): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await writeProgressBatch(db, records);
        return;
      } catch (error) {
        if (isMissingRun(error) || isRefusedContent(error)) {
          if (records.length > 1) {
            // Write run by run so one deleted run or one refused row does not hold back the
            // others; each of those writes retries like this one.
            for (const record of records) await writeUntilDone([record]);
            return;
          }
          // Its run is gone: nothing to record into.
          if (isMissingRun(error)) return;
          const record = records[0]!;
          const reason = errorMessage(error);
          if (refusedBefore) {
            log(`The database refused even the state of run ${record.runId}; giving up on it: ${reason}`);
            return;
          }
          // The same rows would be refused again: record the refusal on the run, without them.
          log(
            `The database refused the progress of run ${record.runId}; its steps are not recorded: ${reason}`,
          );
          const refused: RunProgress = {
            runId: record.runId,
            workspaceId: record.workspaceId,
            status: record.status,
            currentNodes: record.currentNodes,
            steps: [],
            ended: record.ended,
            error: withNote(record.error, `the database refused it (${reason})`),
          };
          return writeUntilDone([storableProgress(refused)], true);
        }
        const delay = Math.min(5000, 100 * 2 ** attempt);
        log(
          `Recording progress of ${records.length} run(s) failed (attempt ${attempt}, retrying in ${delay} ms): ${String(error)}`,
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  async function drain() {
    await new Promise((resolve) => setImmediate(resolve));
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      await writeBatch(batch);
      for (const pending of batch) pending.resolve();
    }
    writing = false;
  }

  return {
    write(progress) {
      return new Promise<void>((resolve) => {
        queue.push({ progress, resolve });
        if (!writing) {
          writing = true;
          void drain();
        }
      });
    },
  };
}
