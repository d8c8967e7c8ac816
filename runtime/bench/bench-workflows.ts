// The benchmarks' workflow bundle: the real flowRun beside the baselines every flow run is
// measured against on the same server and worker in the same run.
import { condition, defineSignal, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';

export { flowRun } from '../src/temporal/workflows.ts';

export async function noopWorkflow(): Promise<string> {
  return 'done';
}

/** What the chat benchmark's baseline activity is told: which conversation it answers. */
export interface BaselineActivities {
  replyBaseline(conversation: string): Promise<void>;
}

const { replyBaseline } = proxyActivities<BaselineActivities>({ startToCloseTimeout: '1 minute' });

/**
 * The least a conversation can cost on Temporal: every message signalled in (the first by
 * signal-with-start, as route-inbound does) runs one activity that "replies"; it ends after
 * `messages` of them. No machine, no database, no provider.
 */
export async function replyBaselineWorkflow(messages: number): Promise<void> {
  let received = 0;
  let replied = 0;
  setHandler(defineSignal<[unknown]>('event'), () => {
    received++;
  });
  while (replied < messages) {
    await condition(() => received > replied);
    replied++;
    await replyBaseline(workflowInfo().workflowId);
  }
}
