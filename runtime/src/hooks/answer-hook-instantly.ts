import type { HttpResponse } from '@omniflow/nodes/http';
import type { RunContext } from '../machine/run-context.ts';
import { startInstantRun, type StartInstantRunDeps } from '../runs/start-instant-run.ts';
import type { HookAnswer, HookRequest } from './answer-hook.ts';
import type { HookTarget } from './hook-target.ts';

/** The output of the first of the hook's respond nodes the run reached, as answerHook reads it. */
const answerOf = (target: HookTarget, context: RunContext) =>
  target.respondNodeIds.map((id) => context.nodes[id]?.output).find((output) => output !== undefined);

/**
 * Answers a published hook with an instant run (runs/start-instant-run.ts) when its path to the
 * answer is pure: the run is played here and recorded (or handed over to Temporal once
 * answered) before the answer leaves. Undefined when the run needs Temporal before it can
 * answer: then nothing was recorded, and answerHook runs it as before.
 */
export async function answerHookInstantly(
  deps: StartInstantRunDeps,
  target: HookTarget,
  request: HookRequest,
): Promise<HookAnswer | undefined> {
  const started = await startInstantRun(deps, {
    workspaceId: target.workspaceId,
    version: target.version,
    input: { ...request },
    // As answerHook: a hook's caller is not a contact of the workspace.
    contact: null,
    settled: (context) => answerOf(target, context) !== undefined,
  });
  if (started.kind === 'needs-temporal') return undefined;
  const answer = answerOf(target, started.context);
  if (answer !== undefined)
    return { kind: 'answered', runId: started.runId, response: answer as HttpResponse };
  // Ended without an answer (a handed-over run always has one): 202 with how it ended.
  return {
    kind: 'accepted',
    runId: started.runId,
    status: started.kind === 'ended' ? started.status : 'running',
  };
}
