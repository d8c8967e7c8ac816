import { randomBytes } from 'node:crypto';
import { messages, newId, runSteps, runs, type Db } from '@omniflow/db';

/** A uuid v7 of a given moment: run ids carry their start time, and analytics ranges read it. */
export function uuidV7At(at: Date): string {
  const hex = at.getTime().toString(16).padStart(12, '0');
  const rand = randomBytes(10).toString('hex');
  const variant = ((parseInt(rand[3]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${rand.slice(0, 3)}-${variant}${rand.slice(4, 7)}-${rand.slice(7, 19)}`;
}

/** One node visit of a generated run: seconds spent, and the port left by (none: still there). */
export interface PlannedStep {
  node: string;
  type?: string;
  seconds: number;
  port?: string;
}

export interface PlannedRun {
  status: 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled' | 'abandoned';
  steps: PlannedStep[];
  startedAt: Date;
  version?: number;
}

/** Writes a run and its steps as the progress writer would have; returns the run's id. */
export async function writePlannedRun(
  db: Db,
  target: { workspaceId: string; flowId: string; flowVersionId: string; version: number },
  plan: PlannedRun,
): Promise<string> {
  const id = uuidV7At(plan.startedAt);
  const ended = !['running', 'waiting'].includes(plan.status);
  let at = plan.startedAt.getTime();
  const steps = plan.steps.map((step, seq) => {
    const enteredAt = new Date(at);
    at += step.seconds * 1000;
    return {
      workspaceId: target.workspaceId,
      runId: id,
      seq,
      nodeId: step.node,
      nodeType: step.type ?? 'test.node',
      enteredAt,
      leftAt: step.port ? new Date(at) : null,
      port: step.port ?? null,
    };
  });
  const last = plan.steps[plan.steps.length - 1];
  await db.insert(runs).values({
    id,
    workspaceId: target.workspaceId,
    flowId: target.flowId,
    flowVersionId: target.flowVersionId,
    version: target.version,
    status: plan.status,
    currentNodes: ended || !last ? [] : [last.node],
    temporalWorkflowId: id,
    startedAt: plan.startedAt,
    endedAt: ended ? new Date(at) : null,
  });
  if (steps.length > 0) await db.insert(runSteps).values(steps);
  return id;
}

/** An outbound message a node of a run sent, with its final status; `reply` adds the person's answer after it. */
export async function writeRunMessage(
  db: Db,
  workspaceId: string,
  runId: string,
  nodeId: string,
  status: 'sent' | 'delivered' | 'read' | 'failed',
  reply = false,
) {
  const base = { workspaceId, channel: 'whatsapp' as const, contactAddress: '+51999000111', runId };
  await db
    .insert(messages)
    .values({ ...base, id: newId(), direction: 'outbound', nodeId, body: { text: 'Hola' }, status });
  if (reply)
    await db
      .insert(messages)
      .values({ ...base, id: newId(), direction: 'inbound', body: { text: 'Sí' }, status: 'received' });
}
