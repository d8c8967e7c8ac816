import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { eq, sql } from 'drizzle-orm';
import { newId, runSteps, runs, type Db } from '@omniflow/db';
import { NodeError, type NodeRegistry, type TemplateScope } from '@omniflow/nodes/sdk';
import type { ExecuteNodeInput, ExecuteNodeResult, RunProgress } from './run-progress.ts';

export interface ActivityDependencies {
  db: Db;
  registry: NodeRegistry;
  env?: Record<string, string | undefined>;
}

function toFailure(error: unknown): ApplicationFailure {
  if (error instanceof ApplicationFailure) return error;
  if (error instanceof NodeError) {
    return ApplicationFailure.create({
      message: error.message,
      type: error.code,
      nonRetryable: !error.retryable,
      details: error.details === undefined ? [] : [error.details],
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return ApplicationFailure.create({ message, type: typeof code === 'string' ? code : 'NODE_ERROR' });
}

/** Activities built over their dependencies, so tests pass real ones without module mocks. */
export function createActivities({ db, registry, env = process.env }: ActivityDependencies) {
  return {
    /** Runs one node's side effect (an HTTP call, a message) and returns the port it leaves by. */
    async executeNode(input: ExecuteNodeInput): Promise<ExecuteNodeResult> {
      const definition = registry.get(input.nodeType, input.version);
      if (!definition?.activity) {
        throw ApplicationFailure.nonRetryable(
          `This worker has no activity for ${input.nodeType}@${input.version}; deploy a worker with that node`,
          'UNKNOWN_NODE_TYPE',
        );
      }
      const config = definition.config.parse(input.config);
      try {
        const result = await definition.activity.run(config, input.scope as TemplateScope, {
          idempotencyKey: input.idempotencyKey,
          signal: Context.current().cancellationSignal,
          env,
        });
        return {
          port: result.port,
          output: result.output,
          ...(result.input !== undefined ? { input: result.input } : {}),
        };
      } catch (error) {
        throw toFailure(error);
      }
    },

    /** Writes step records and the run's state; replays of the same progress change nothing. */
    async recordProgress(progress: RunProgress): Promise<void> {
      await db.transaction(async (tx) => {
        const [run] = await tx
          .select({ workspaceId: runs.workspaceId, status: runs.status })
          .from(runs)
          .where(eq(runs.id, progress.runId));
        if (!run) return;
        if (progress.steps.length > 0) {
          await tx
            .insert(runSteps)
            .values(
              progress.steps.map((step) => ({
                id: newId(),
                workspaceId: run.workspaceId,
                runId: progress.runId,
                seq: step.seq,
                nodeId: step.nodeId,
                nodeType: step.nodeType,
                enteredAt: new Date(step.enteredAt),
                leftAt: step.leftAt ? new Date(step.leftAt) : null,
                port: step.port ?? null,
                input: step.input ?? null,
                output: step.output ?? null,
                error: step.error ?? null,
              })),
            )
            .onConflictDoUpdate({
              target: [runSteps.runId, runSteps.seq],
              set: {
                leftAt: sql`excluded.left_at`,
                port: sql`excluded.port`,
                input: sql`excluded.input`,
                output: sql`excluded.output`,
                error: sql`excluded.error`,
              },
            });
        }
        await tx
          .update(runs)
          .set({
            status: progress.status,
            currentNodes: progress.currentNodes,
            updatedAt: new Date(),
            ...(progress.output !== undefined ? { output: progress.output } : {}),
            ...(progress.error ? { error: progress.error } : {}),
            ...(progress.ended ? { endedAt: new Date() } : {}),
          })
          .where(eq(runs.id, progress.runId));
      });
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
