import { and, asc, desc, eq, inArray, isNull, gt } from 'drizzle-orm';
import { runEvents, runSteps, runs, type Db } from '@omniflow/db';
import type { NodeRegistry } from '@omniflow/nodes/sdk';
import { compileFlow } from '../compiler/compile-flow.ts';
import type { FlowDocument } from '../graph/flow-schema.ts';
import { hydrateMachine } from '../machine/index.ts';
import type { RunStatus } from '../temporal/run-progress.ts';
import { divergence, simulateRun } from './simulate-run.ts';

export interface WhatIfRequest {
  workspaceId: string;
  flowId: string;
  /** Recorded runs of this published version (the latest when absent)… */
  version: number;
  limit: number;
  /** …or exactly these runs. */
  runIds?: string[];
}

export interface WhatIfResult {
  runId: string;
  changed: boolean;
  status: RunStatus;
  originalPath: string[];
  draftPath: string[];
  divergedAt: ReturnType<typeof divergence>;
  /** Nodes the draft reached that the recorded run never did: their side effect was assumed. */
  assumed: string[];
}

/**
 * Replays recorded runs' trigger inputs and inbound events against a draft, side effects
 * stubbed, and says for each whether the path through the flow changed and where.
 */
export async function whatIf(
  db: Db,
  registry: NodeRegistry,
  draft: FlowDocument,
  request: WhatIfRequest,
): Promise<{ total: number; changedCount: number; results: WhatIfResult[] }> {
  const machine = hydrateMachine(compileFlow(draft, registry));
  const selected = await db
    .select()
    .from(runs)
    .where(
      and(
        eq(runs.workspaceId, request.workspaceId),
        eq(runs.flowId, request.flowId),
        isNull(runs.detailsExpiredAt),
        ...(request.runIds
          ? [inArray(runs.id, request.runIds)]
          : [eq(runs.version, request.version), gt(runs.version, 0)]),
      ),
    )
    .orderBy(desc(runs.id))
    .limit(request.runIds ? request.runIds.length : request.limit);
  const ids = selected.map((r) => r.id);
  const steps = ids.length
    ? await db.select().from(runSteps).where(inArray(runSteps.runId, ids)).orderBy(asc(runSteps.seq))
    : [];
  const events = ids.length
    ? await db.select().from(runEvents).where(inArray(runEvents.runId, ids)).orderBy(asc(runEvents.seq))
    : [];
  const firstPortOf = (type: string, version: number, config: unknown) => {
    const ports = registry.get(type, version)?.ports;
    return (typeof ports === 'function' ? ports(config as never) : ports)?.[0];
  };

  const results = selected.map((run): WhatIfResult => {
    const recordedSteps = steps.filter((s) => s.runId === run.id);
    const simulated = simulateRun(
      machine,
      {
        input: run.input,
        run: { id: run.id, flowId: run.flowId, version: 0, startedAt: run.startedAt.toISOString() },
        steps: recordedSteps,
        events: events
          .filter((e) => e.runId === run.id)
          .map((e) => ({ type: e.type, ...(e.data !== null ? { data: e.data } : {}) })),
      },
      firstPortOf,
    );
    const originalPath = recordedSteps.map((s) => s.nodeId);
    const divergedAt = divergence(originalPath, simulated.path);
    return {
      runId: run.id,
      changed: divergedAt !== null,
      status: simulated.status,
      originalPath,
      draftPath: simulated.path,
      divergedAt,
      assumed: simulated.assumed,
    };
  });
  return { total: results.length, changedCount: results.filter((r) => r.changed).length, results };
}
