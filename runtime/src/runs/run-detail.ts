import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import {
  flowVersions,
  flows,
  messages,
  runEvents,
  runSteps,
  runs,
  type Db,
  type RunSummaryRecord,
} from '@omniflow/db';
import { messageView } from '../messaging/message-view.ts';
import { emailEventsOf } from '../email/email-events-of.ts';
import type { FlowDocument } from '../graph/flow-schema.ts';
import type { RunFault } from '../machine/run-context.ts';
import type { RunRow } from './run-operations.ts';

/** A run as lists show it. */
export function runSummaryView(row: RunRow, flowName: string) {
  return {
    id: row.id,
    flowId: row.flowId,
    flowName,
    version: row.version,
    test: row.version === 0,
    status: row.status,
    currentNodes: row.currentNodes,
    failedNodeId: row.failedNodeId,
    contact: row.contact,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    rerunOf: row.rerunOf,
    parentRunId: row.parentRunId,
    detailsExpired: row.detailsExpiredAt !== null,
    skipReason: row.status === 'skipped' ? skipReasonOf(row.error) : null,
  };
}

function skipReasonOf(error: unknown): string | null {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return typeof code === 'string' ? code : null;
}

/** Flow names for a page of runs, in one query. */
export async function flowNames(db: Db, flowIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(flowIds)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: flows.id, name: flows.name })
    .from(flows)
    .where(inArray(flows.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Everything the run detail screen shows: steps, inbound events, the messages the run sent and
 * received, the version's graph, re-runs.
 */
export async function runDetail(db: Db, row: RunRow) {
  const [steps, events, sentAndReceived, [version], reruns, names, children] = await Promise.all([
    db.select().from(runSteps).where(eq(runSteps.runId, row.id)).orderBy(asc(runSteps.seq)),
    db.select().from(runEvents).where(eq(runEvents.runId, row.id)).orderBy(asc(runEvents.seq)),
    db.select().from(messages).where(eq(messages.runId, row.id)).orderBy(asc(messages.id)),
    db.select({ graph: flowVersions.graph }).from(flowVersions).where(eq(flowVersions.id, row.flowVersionId)),
    db
      .select({ id: runs.id })
      .from(runs)
      .where(and(eq(runs.rerunOf, row.id), eq(runs.workspaceId, row.workspaceId)))
      .orderBy(desc(runs.id)),
    flowNames(db, [row.flowId]),
    db
      .select({ id: runs.id, flowId: runs.flowId, nodeId: runs.parentNodeId, status: runs.status })
      .from(runs)
      .where(and(eq(runs.parentRunId, row.id), eq(runs.workspaceId, row.workspaceId)))
      .orderBy(asc(runs.id)),
  ]);
  const childFlowNames = await flowNames(
    db,
    children.map((c) => c.flowId),
  );
  const mailEvents = await emailEventsOf(
    db,
    sentAndReceived.filter((m) => m.channel === 'email').map((m) => m.id),
  );
  return {
    ...runSummaryView(row, names.get(row.flowId) ?? ''),
    input: row.input,
    output: row.output,
    error: (row.error as RunFault | null) ?? null,
    steps: steps.map((s) => ({
      seq: s.seq,
      nodeId: s.nodeId,
      nodeType: s.nodeType,
      enteredAt: s.enteredAt.toISOString(),
      leftAt: s.leftAt?.toISOString() ?? null,
      durationMs: s.leftAt ? s.leftAt.getTime() - s.enteredAt.getTime() : null,
      port: s.port,
      attempts: s.attempts,
      input: s.input,
      output: s.output,
      error: (s.error as RunFault | null) ?? null,
    })),
    events: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      data: e.data,
      receivedAt: e.receivedAt.toISOString(),
    })),
    messages: sentAndReceived.map((m) => messageView(m, mailEvents.get(m.id))),
    graph: version?.graph as FlowDocument,
    reruns: reruns.map((r) => r.id),
    childRuns: children.map((c) => ({ ...c, flowName: childFlowNames.get(c.flowId) ?? '' })),
    summary: (row.summary as RunSummaryRecord | null) ?? null,
  };
}

export type RunDetail = Awaited<ReturnType<typeof runDetail>>;
