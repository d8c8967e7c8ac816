import { ApplicationFailure } from '@temporalio/common';
import { and, eq } from 'drizzle-orm';
import { flowVersions, flows, runs, type Db } from '@omniflow/db';
import { evaluateValue, type TemplateScope } from '@omniflow/nodes/sdk';
import type { MachineJson } from '../compiler/machine-json.ts';
import type { FlowRunArgs } from '../temporal/workflow-api.ts';
import { contactOf } from '../runs/contact-of.ts';
import { noteRunExecution } from '../runs/note-run-execution.ts';

export interface PrepareSubflowInput {
  parentRunId: string;
  parentNodeId: string;
  /** Chosen by the parent's workflow, so a retried activity writes the same row. */
  childRunId: string;
  flowId: string;
  /** Pinned when the parent was published; absent in a draft's test run: the latest published. */
  version?: number;
  inputs: Record<string, string>;
  scope: unknown;
}

export interface PreparedSubflow {
  args: FlowRunArgs;
  flowId: string;
  version: number;
  input: Record<string, unknown>;
}

/**
 * The activities around a subflow's child workflow: its run row before it starts (the parent's
 * workflow starts the child itself, so Temporal links them), and the child's Temporal run id once
 * it has, as startFlowRun records it for every other run.
 */
export function createSubflowActivities(db: Db) {
  return {
    async prepareSubflowRun(input: PrepareSubflowInput): Promise<PreparedSubflow> {
      const [parent] = await db
        .select({ workspaceId: runs.workspaceId })
        .from(runs)
        .where(eq(runs.id, input.parentRunId));
      if (!parent) throw ApplicationFailure.nonRetryable('The calling run is gone', 'RUN_NOT_FOUND');
      const [flow] = await db
        .select({ latestVersion: flows.latestVersion, name: flows.name })
        .from(flows)
        .where(and(eq(flows.id, input.flowId), eq(flows.workspaceId, parent.workspaceId)));
      const wanted = input.version ?? flow?.latestVersion ?? undefined;
      const [version] =
        flow && wanted !== undefined
          ? await db
              .select()
              .from(flowVersions)
              .where(
                and(
                  eq(flowVersions.flowId, input.flowId),
                  eq(flowVersions.version, wanted),
                  eq(flowVersions.kind, 'published'),
                ),
              )
          : [];
      if (!version) {
        throw ApplicationFailure.nonRetryable(
          flow
            ? `The flow "${flow.name}" has no published version ${wanted ?? ''}`.trim()
            : 'The subflow is not in this workspace (deleted?)',
          'SUBFLOW_NOT_PUBLISHED',
        );
      }
      const scope = input.scope as TemplateScope;
      const childInput = Object.fromEntries(
        Object.entries(input.inputs).map(([name, template]) => [name, evaluateValue(template, scope)]),
      );
      const startedAt = new Date();
      await db
        .insert(runs)
        .values({
          id: input.childRunId,
          workspaceId: parent.workspaceId,
          flowId: version.flowId,
          flowVersionId: version.id,
          version: version.version,
          input: childInput,
          contact: contactOf(childInput),
          parentRunId: input.parentRunId,
          parentNodeId: input.parentNodeId,
          temporalWorkflowId: input.childRunId,
          startedAt,
        })
        .onConflictDoNothing();
      return {
        flowId: version.flowId,
        version: version.version,
        input: childInput,
        args: {
          runId: input.childRunId,
          workspaceId: parent.workspaceId,
          machine: version.machine as MachineJson,
          input: childInput,
          run: {
            id: input.childRunId,
            flowId: version.flowId,
            version: version.version,
            startedAt: startedAt.toISOString(),
          },
        },
      };
    },

    /** Also tells subscribers run.started, as startFlowRun does once any other run is under way. */
    async recordSubflowStarted(input: { runId: string; temporalRunId: string }): Promise<void> {
      await noteRunExecution(db, input.runId, input.temporalRunId);
    },
  };
}

export type SubflowActivities = ReturnType<typeof createSubflowActivities>;
