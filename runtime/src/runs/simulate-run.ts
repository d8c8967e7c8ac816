import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { MachineInput, RunContext } from '../machine/run-context.ts';
import type { RunStatus } from '../temporal/run-progress.ts';

/** What a recorded run did at one node: the port its side effect left by, and its output. */
export interface RecordedStep {
  nodeId: string;
  nodeType: string;
  port: string | null;
  output: unknown;
  error: unknown;
}

export interface RecordedRun extends MachineInput {
  steps: RecordedStep[];
  events: { type: string; data?: unknown }[];
}

export interface SimulatedRun {
  path: string[];
  status: RunStatus;
  /** Nodes whose side effect had no recorded result to reuse, so a default port was assumed. */
  assumed: string[];
}

interface Action {
  type: string;
  params?: Record<string, unknown>;
}

const maxTransitions = 5_000;

/**
 * Plays a recorded run's trigger input and inbound events through another machine (a draft)
 * with every side effect stubbed: a node's activity is answered with what that node returned in
 * the recorded run (its n-th visit), or with its first port when the run never got there. Timers
 * fire at once when nothing else can move the run. Nothing leaves the process.
 */
export function simulateRun(
  machine: AnyStateMachine,
  recorded: RecordedRun,
  firstPortOf: (nodeType: string, version: number, config: unknown) => string | undefined,
): SimulatedRun {
  const path: string[] = [];
  const assumed: string[] = [];
  const visits = new Map<string, number>();
  const timers = new Map<string, { event: { type: string }; order: number }>();
  const queue: { type: string; [key: string]: unknown }[] = [];
  const events = [...recorded.events];
  let timerOrder = 0;

  function recordedResult(nodeId: string): RecordedStep | undefined {
    const visit = visits.get(nodeId) ?? 0;
    visits.set(nodeId, visit + 1);
    return recorded.steps.filter((s) => s.nodeId === nodeId)[visit];
  }

  function carryOut(actions: Action[]) {
    for (const action of actions) {
      const params = action.params ?? {};
      if (action.type === 'enterNode') path.push(String(params.nodeId));
      else if (action.type === 'xstate.spawnChild') {
        const id = String(params.id);
        const request = params.input as {
          nodeId: string;
          nodeType: string;
          version: number;
          config: unknown;
        };
        const step = recordedResult(request.nodeId);
        if (step?.port) {
          queue.push({ type: `xstate.done.actor.${id}`, output: { port: step.port, output: step.output } });
        } else if (step?.error) {
          queue.push({ type: `xstate.error.actor.${id}`, error: step.error });
        } else {
          assumed.push(request.nodeId);
          const port = firstPortOf(request.nodeType, request.version, request.config) ?? 'next';
          queue.push({ type: `xstate.done.actor.${id}`, output: { port, output: null } });
        }
      } else if (action.type === 'xstate.raise' && typeof params.delay === 'number') {
        timers.set(String(params.id), { event: params.event as { type: string }, order: timerOrder++ });
      } else if (action.type === 'xstate.cancel') timers.delete(String(params.sendId));
    }
  }

  const [first, actions] = initialTransition(machine, { input: recorded.input, run: recorded.run });
  let snapshot: AnyMachineSnapshot = first;
  carryOut(actions as Action[]);
  const ended = () => snapshot.status === 'done' || (snapshot.context as RunContext).error !== undefined;

  for (let count = 0; count < maxTransitions && !ended(); count++) {
    let next = queue.shift();
    if (!next && events.length > 0 && snapshot.can(events[0] as never)) next = events.shift();
    if (!next && timers.size > 0) {
      const [id, timer] = [...timers.entries()].sort((a, b) => a[1].order - b[1].order)[0]!;
      timers.delete(id);
      next = timer.event;
    }
    if (!next) break;
    const [after, more] = transition(machine, snapshot, next as never);
    snapshot = after;
    carryOut(more as Action[]);
  }

  const failed = (snapshot.context as RunContext).error !== undefined || snapshot.value === '__failed';
  const status: RunStatus = failed ? 'failed' : snapshot.status === 'done' ? 'completed' : 'waiting';
  return { path, status, assumed };
}

/** Where two paths part: the first index at which they differ, or null when they are the same. */
export function divergence(original: string[], draft: string[]) {
  const length = Math.max(original.length, draft.length);
  for (let index = 0; index < length; index++) {
    if (original[index] !== draft[index]) {
      return { index, originalNodeId: original[index] ?? null, draftNodeId: draft[index] ?? null };
    }
  }
  return null;
}
