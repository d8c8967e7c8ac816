import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  proxyActivities,
} from '@temporalio/workflow';
import type { Activities } from '../activities.ts';
import type { ExecuteNodeResult } from '../run-progress.ts';
import type { FlowRunArgs } from '../workflow-api.ts';
import type { CallHangup } from './call-hangup.ts';
import type { QueuedEvent } from './event-inbox.ts';
import type { ActivityRequest } from './plan-commands.ts';
import type { StepJournal } from './step-journal.ts';
import { runSubflow, subflowNodeType } from './subflow-call.ts';

/** The node activities a run has under way, each in its own cancellation scope. */
export interface NodeActivities {
  readonly size: number;
  /** Starts the node's activity; its result or failure comes back to `deliver` as an event. */
  start(id: string, request: ActivityRequest, scope: unknown): void;
  /** Cancels it; whatever it answers later is ignored. */
  stop(id: string): void;
  stopAll(): void;
}

export interface NodeActivityDeps {
  args: Pick<FlowRunArgs, 'runId' | 'callQueue'>;
  journal: StepJournal;
  hangup: CallHangup;
  deliver(queued: QueuedEvent): void;
}

export function createNodeActivities({ args, journal, hangup, deliver }: NodeActivityDeps): NodeActivities {
  const inflight = new Map<string, { scope: CancellationScope; stopped: boolean }>();

  function stop(id: string) {
    const entry = inflight.get(id);
    if (!entry) return;
    entry.stopped = true;
    entry.scope.cancel();
  }

  return {
    get size() {
      return inflight.size;
    },
    start(id, request, runScope) {
      const step = journal.stepOf(request.nodeId);
      const { executeNode } = proxyActivities<Activities>({
        startToCloseTimeout: request.options.startToCloseTimeout,
        ...(request.options.retry ? { retry: request.options.retry } : {}),
        ...(request.options.heartbeatTimeout ? { heartbeatTimeout: request.options.heartbeatTimeout } : {}),
        // Voice nodes act on a live call, which only the process that answered it holds. If that
        // process is gone, so is the call: nobody will ever take the task, so give up after a minute.
        ...(request.options.queue === 'call' && args.callQueue
          ? { taskQueue: args.callQueue, scheduleToStartTimeout: '1m' }
          : {}),
      });
      const scope = new CancellationScope();
      const entry = { scope, stopped: false };
      inflight.set(id, entry);
      scope
        .run(() =>
          request.nodeType === subflowNodeType
            ? runSubflow(args.runId, request, runScope)
            : executeNode({
                runId: args.runId,
                nodeId: request.nodeId,
                nodeType: request.nodeType,
                version: request.version,
                config: request.config,
                ...(request.next !== undefined ? { next: request.next } : {}),
                scope: runScope,
                idempotencyKey: journal.idempotencyKey(request.nodeId, step),
              }),
        )
        .then(
          (result: ExecuteNodeResult) => {
            if (entry.stopped) return;
            if (step && result.input !== undefined) step.input = result.input;
            if (step) step.attempts = result.attempts;
            deliver({ event: { type: `xstate.done.actor.${id}`, output: result } });
          },
          (error: unknown) => {
            if (entry.stopped) return;
            const { attempts, ...failure } = failureOf(error);
            if (hangup.activityFailed(failure.code)) return;
            if (step) {
              step.error = { ...failure, code: failure.code ?? 'NODE_FAILED', nodeId: request.nodeId };
              if (attempts !== undefined) step.attempts = attempts;
            }
            deliver({ event: { type: `xstate.error.actor.${id}`, error: failure } });
          },
        )
        .finally(() => inflight.delete(id));
    },
    stop,
    stopAll() {
      for (const id of inflight.keys()) stop(id);
    },
  };
}

function failureOf(error: unknown): { message: string; code?: string; attempts?: number } {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure) {
    // The activity adds its attempt as the last detail (activities.ts).
    const last: unknown = cause.details?.at(-1);
    const attempt = typeof last === 'object' && last !== null && 'attempt' in last ? last.attempt : undefined;
    return {
      message: cause.message,
      ...(cause.type ? { code: cause.type } : {}),
      ...(typeof attempt === 'number' ? { attempts: attempt } : {}),
    };
  }
  return { message: cause instanceof Error ? cause.message : String(cause) };
}
