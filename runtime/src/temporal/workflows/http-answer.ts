import { condition, setHandler } from '@temporalio/workflow';
import type { RunContext, RunFault } from '../../machine/index.ts';
import type { RunStatus } from '../run-progress.ts';
import { httpAnswerUpdate } from '../workflow-api.ts';

/**
 * Answers a webhook's caller from inside the run: resolves as soon as one of the respond nodes
 * has an output (rendered by the pure `renderHttpResponse` instruction, so usually in the same
 * workflow task that started the run), or when the run ends without one. The caller gives up
 * on its own after the trigger's `respondWithin` (the run goes on), so no timer is needed here.
 */
export function setHttpAnswerHandler(run: {
  context(): RunContext;
  ended(): { status: RunStatus; error?: RunFault } | undefined;
}): void {
  setHandler(httpAnswerUpdate, async (respondNodeIds: string[]) => {
    const answer = () =>
      respondNodeIds.map((id) => run.context().nodes[id]?.output).find((output) => output !== undefined);
    await condition(() => answer() !== undefined || run.ended() !== undefined);
    const found = answer();
    if (found !== undefined) return { answer: found };
    const ended = run.ended();
    return ended ? { ended } : {};
  });
}
