// A deliberately incompatible interpreter: it sleeps before doing what flowRun does, so replaying
// a history recorded by the real flowRun meets a timer where an activity was scheduled.
import { sleep } from '@temporalio/workflow';
import { flowRun as realFlowRun } from '../../src/temporal/workflows.ts';
import type { FlowRunArgs } from '../../src/temporal/workflow-api.ts';

export async function flowRun(args: FlowRunArgs) {
  await sleep(1);
  return realFlowRun(args);
}
