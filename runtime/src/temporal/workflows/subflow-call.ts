import {
  ApplicationFailure,
  ChildWorkflowFailure,
  ParentClosePolicy,
  proxyActivities,
  startChild,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { SubflowActivities } from '../../subflows/subflow-activities.ts';
import type { ExecuteNodeResult } from '../run-progress.ts';
import type { FlowRunResult } from '../workflow-api.ts';
import type { ActivityRequest } from './plan-commands.ts';

export const subflowNodeType = 'flow.call';

interface SubflowConfig {
  flowId: string;
  version?: number;
  inputs: Record<string, string>;
  mode: 'wait' | 'start';
}

function configOf(config: unknown): SubflowConfig {
  const record = typeof config === 'object' && config !== null ? config : {};
  const flowId: unknown = Reflect.get(record, 'flowId');
  const version: unknown = Reflect.get(record, 'version');
  const inputs: unknown = Reflect.get(record, 'inputs');
  return {
    flowId: typeof flowId === 'string' ? flowId : '',
    ...(typeof version === 'number' ? { version } : {}),
    inputs:
      typeof inputs === 'object' && inputs !== null
        ? Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, String(v)]))
        : {},
    mode: Reflect.get(record, 'mode') === 'start' ? 'start' : 'wait',
  };
}

/**
 * A flow.call node, carried out by its run's workflow: the child's run row (an activity), then the
 * child's own flowRun as a Temporal child workflow on the same queue, pinned to the version the
 * parent was published with. Waiting for it, the child's end output is the node's output and a
 * child that does not complete leaves by `failed` with its error; started and left, the node goes
 * on at once and the child outlives the parent (ParentClosePolicy ABANDON). A child the parent
 * waits for ends with it (TERMINATE): nobody is left to take its answer.
 */
export async function runSubflow(
  parentRunId: string,
  request: ActivityRequest,
  scope: unknown,
): Promise<ExecuteNodeResult> {
  const config = configOf(request.config);
  const { prepareSubflowRun, recordSubflowStarted } = proxyActivities<SubflowActivities>({
    startToCloseTimeout: '1m',
    retry: { maximumAttempts: 5 },
  });
  const childRunId = uuid4();
  const prepared = await prepareSubflowRun({
    parentRunId,
    parentNodeId: request.nodeId,
    childRunId,
    flowId: config.flowId,
    ...(config.version !== undefined ? { version: config.version } : {}),
    inputs: config.inputs,
    scope,
  });
  const sent = {
    runId: childRunId,
    flowId: prepared.flowId,
    version: prepared.version,
    mode: config.mode,
    input: prepared.input,
  };
  const child = await startChild('flowRun', {
    workflowId: childRunId,
    taskQueue: workflowInfo().taskQueue,
    args: [prepared.args],
    memo: { runId: childRunId },
    parentClosePolicy: config.mode === 'wait' ? ParentClosePolicy.TERMINATE : ParentClosePolicy.ABANDON,
  });
  await recordSubflowStarted({ runId: childRunId, temporalRunId: child.firstExecutionRunId });
  if (config.mode === 'start')
    return { port: 'done', output: { runId: childRunId }, input: sent, attempts: 1 };

  let result: FlowRunResult;
  try {
    result = (await child.result()) as FlowRunResult;
  } catch (error) {
    if (!(error instanceof ChildWorkflowFailure)) throw error;
    const cause = error.cause;
    result = {
      status: 'failed',
      error: {
        code: cause instanceof ApplicationFailure && cause.type ? cause.type : 'SUBFLOW_FAILED',
        message: cause?.message ?? error.message,
        nodeId: request.nodeId,
      },
    };
  }
  if (result.status === 'completed') {
    return { port: 'done', output: result.output ?? {}, input: sent, attempts: 1 };
  }
  const error = {
    code: result.error?.code ?? 'SUBFLOW_FAILED',
    message: result.error?.message ?? `The subflow's run ended ${result.status}`,
  };
  return {
    port: 'failed',
    output: { runId: childRunId, error },
    input: sent,
    fault: { code: 'SUBFLOW_FAILED', message: `The subflow failed: ${error.message}` },
    attempts: 1,
  };
}
