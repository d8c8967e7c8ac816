import {
  ActivityFailure,
  allHandlersFinished,
  condition,
  log,
  makeContinueAsNewFunc,
  patched,
  proxyActivities,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { ConversationHandoverActivities } from '../../messaging/conversation-handover-activities.ts';
import type { FlowEvent } from '../../machine/index.ts';
import type { FlowRunArgs } from '../workflow-api.ts';
import type { QueuedEvent } from './event-inbox.ts';
import type { flowRun } from './flow-run.ts';

/**
 * A person's message the run cannot take while it is busy (sending a reply, at an HTTP step,
 * ending) is held for a node that takes it, and handed to the conversation's next run if the run
 * ends first. A run that comes to rest waiting for something else (an agent, a timer) lets what it
 * holds go, as runs did before. Runs recorded before let such a message go at once; their
 * histories replay that way (Temporal's patch marker tells which is which).
 */
export const holdsUntakenMessages = () => patched('hold-untaken-messages');

/** A message signalled by route-inbound: sent from outside, not an update (no one waits for it). */
export const isPersonMessage = (queued: QueuedEvent) =>
  queued.external === true && queued.ticket === undefined && queued.event.type === 'message';

/**
 * Only a conversation's run hands messages over: later messages signal its workflow id, which the
 * next run keeps. A simulator's test run has no published flow to go on with. Read from the
 * arguments, not the workflow id, which a verifying replay does not keep.
 */
export const handsOverMessages = (args: FlowRunArgs) => args.conversation === true && args.test !== true;

/**
 * A uuid v7 (what `newId()` makes, so run ids stay time-ordered) from the workflow's own clock and
 * randomness: the same on replay, and the same for each attempt of the activity that writes it.
 */
function timeOrderedId(): string {
  const time = Date.now().toString(16).padStart(12, '0');
  const random = uuid4().replace(/-/g, '');
  const variant = ((parseInt(random[16]!, 16) & 0x3) | 0x8).toString(16);
  const hex = `${time}7${random.slice(13, 16)}${variant}${random.slice(17)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The run has ended with messages it never took: the first one a published flow's trigger takes
 * starts the conversation's next run, which this workflow continues as (same workflow id, so the
 * person's next messages reach it), with the messages after it as its first events. `arrived`
 * gives the messages signalled meanwhile. Returns when no flow takes any of them: they stay
 * recorded, and nothing starts, as route-inbound does with a message no flow takes.
 */
export async function handOverConversation(
  args: FlowRunArgs,
  untaken: FlowEvent[],
  arrived: () => FlowEvent[],
): Promise<void> {
  const { prepareNextConversationRun } = proxyActivities<ConversationHandoverActivities>({
    startToCloseTimeout: '1m',
    retry: { maximumAttempts: 5 },
  });
  for (let messages = untaken; messages.length > 0; messages = arrived()) {
    let next: Awaited<ReturnType<typeof prepareNextConversationRun>>;
    try {
      next = await prepareNextConversationRun({
        workspaceId: args.workspaceId,
        workflowId: workflowInfo().workflowId,
        runId: timeOrderedId(),
        endedRunId: args.runId,
        messages,
      });
    } catch (error) {
      // The run itself has ended well; the messages stay recorded in the person's timeline.
      if (!(error instanceof ActivityFailure)) throw error;
      log.warn('The conversation could not be handed to its next run', { error: error.message });
      return;
    }
    if (!next.args) continue;
    await condition(allHandlersFinished);
    const events = [...(next.args.events ?? []), ...arrived()];
    await makeContinueAsNewFunc<typeof flowRun>({ memo: { runId: next.args.runId } })({
      ...next.args,
      events,
      ...(args.historyLimit !== undefined ? { historyLimit: args.historyLimit } : {}),
    });
  }
}

/**
 * A run handed over notes its own execution on its row (startFlowRun does it for the others), so
 * route-inbound signals it directly. Should that fail, the reconciler notes it later
 * (reconcile-run-starts.ts): the run goes on either way.
 */
export async function noteConversationRunStarted(runId: string): Promise<void> {
  const { noteConversationRunStarted: note } = proxyActivities<ConversationHandoverActivities>({
    startToCloseTimeout: '1m',
    retry: { maximumAttempts: 5 },
  });
  try {
    await note({ runId, temporalRunId: workflowInfo().runId });
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    log.warn('The run could not note its execution', { error: error.message });
  }
}
