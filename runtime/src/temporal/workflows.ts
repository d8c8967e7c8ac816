import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  allHandlersFinished,
  condition,
  continueAsNew,
  isCancellation,
  proxyActivities,
  proxySinks,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { AnyMachineSnapshot } from 'xstate';
import { createMachineStepper, hydrateMachine } from '../machine/index.ts';
import type { FlowEvent, RunContext, RunFault } from '../machine/index.ts';
import type { Activities } from './activities.ts';
import type { EventRecord, RunStatus, StepRecord } from './run-progress.ts';
import {
  eventSignal,
  sendEventUpdate,
  skipWaitUpdate,
  stateQuery,
  type FlowRunArgs,
  type FlowRunResult,
  type PendingTimer,
  type ProgressSinks,
  type RunState,
} from './workflow-api.ts';

export { sendEventUpdate, eventSignal, skipWaitUpdate, stateQuery };

const { progress } = proxySinks<ProgressSinks>();

interface ExecutableAction {
  type: string;
  params?: Record<string, unknown>;
}

interface ActivityRequest {
  nodeId: string;
  nodeType: string;
  version: number;
  config: unknown;
  options: {
    startToCloseTimeout: string;
    retry?: Record<string, unknown>;
    queue?: 'call';
    heartbeatTimeout?: string;
  };
  next?: unknown;
}

interface QueuedEvent {
  event: { type: string; [key: string]: unknown };
  ticket?: number;
  /** Sent from outside the run (not a timer or an activity result): recorded as a run event. */
  external?: boolean;
}

const finalStates = new Set(['__completed', '__failed']);

/** The caller left: the signal the voice endpoint sends, and the code a voice node fails with. */
const callHangupEvent = 'call.hangup';
const callerHungUpCode = 'CALLER_HUNG_UP';
/** An update's event the run could not take when its turn came (the API answers 409). */
const eventNotAcceptedCode = 'EVENT_NOT_ACCEPTED';

function failureOf(error: unknown): { message: string; code?: string; attempts?: number } {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure) {
    const attempt = (cause.details?.at(-1) as { attempt?: unknown } | undefined)?.attempt;
    return {
      message: cause.message,
      ...(cause.type ? { code: cause.type } : {}),
      ...(typeof attempt === 'number' ? { attempts: attempt } : {}),
    };
  }
  return { message: cause instanceof Error ? cause.message : String(cause) };
}

/**
 * One run of a published flow: the compiled machine driven as a pure reducer. Timers,
 * activities and step records are the workflow's to carry out (DESIGN.md §6).
 */
export async function flowRun(args: FlowRunArgs): Promise<FlowRunResult> {
  const machine = hydrateMachine(args.machine);
  const stepper = createMachineStepper(machine);
  const now = () => new Date(Date.now()).toISOString();
  const timers = new Map<string, PendingTimer>((args.resume?.timers ?? []).map((t) => [t.id, t]));
  const inflight = new Map<string, { scope: CancellationScope; stopped: boolean }>();
  const openSteps = new Map<string, StepRecord>((args.resume?.openSteps ?? []).map((s) => [s.nodeId, s]));
  const dirtySteps = new Map<number, StepRecord>();
  const newEvents: EventRecord[] = [];
  const queue: QueuedEvent[] = [];
  let seq = args.resume?.seq ?? 0;
  let eventSeq = args.resume?.eventSeq ?? 0;
  let tickets = 0;
  let processed = 0;
  // Updates whose event the run could no longer take when its turn came: ticket → reason.
  const refusals = new Map<number, string>();
  let idle = false;
  let status: RunStatus = 'running';
  let lastFlushed = '';
  let snapshot: AnyMachineSnapshot;
  // Set when the caller hangs up mid-flow: the run ends as abandoned at the node it was in.
  let abandoned = false;
  let hangupFault: RunFault | undefined;

  const context = () => snapshot.context as RunContext;
  const currentNodes = () => {
    const value = snapshot.value;
    const ids = typeof value === 'string' ? [value] : Object.keys(value as object);
    return ids.filter((id) => !finalStates.has(id));
  };
  const fault = (): RunFault | undefined => context().error ?? hangupFault;
  const ended = () => snapshot.status === 'done' || fault() !== undefined || abandoned;
  const cannotTake = (type: string) =>
    `The run is at ${currentNodes().join(', ') || 'no node'} and cannot take "${type}" now`;
  const hasEnded = () => `The run has already ${status === 'failed' ? 'failed' : 'finished'}`;
  const runState = (): RunState => ({
    status,
    value: snapshot.value,
    currentNodes: status === 'completed' || status === 'failed' ? [] : currentNodes(),
    context: snapshot.context,
    ...(fault() ? { error: fault() } : {}),
  });

  /**
   * `runId:nodeId:seq` for a step's first side effect; a node that acts again within one step
   * (asking again after an invalid reply) gets `:2`, `:3`…, so each is sent once, not deduplicated.
   */
  function idempotencyKey(nodeId: string, step: StepRecord | undefined): string {
    const base = `${args.runId}:${nodeId}:${step?.seq ?? seq}`;
    if (!step) return base;
    step.spawns = (step.spawns ?? 0) + 1;
    return step.spawns === 1 ? base : `${base}:${step.spawns}`;
  }

  function startActivity(id: string, request: ActivityRequest) {
    const step = openSteps.get(request.nodeId);
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
    const ctx = context();
    scope
      .run(() =>
        executeNode({
          runId: args.runId,
          nodeId: request.nodeId,
          nodeType: request.nodeType,
          version: request.version,
          config: request.config,
          ...(request.next !== undefined ? { next: request.next } : {}),
          scope: { input: ctx.input, vars: ctx.vars, nodes: ctx.nodes, run: ctx.run },
          idempotencyKey: idempotencyKey(request.nodeId, step),
        }),
      )
      .then(
        (result) => {
          if (entry.stopped) return;
          if (step && result.input !== undefined) step.input = result.input;
          if (step) step.attempts = result.attempts;
          queue.push({ event: { type: `xstate.done.actor.${id}`, output: result } });
        },
        (error: unknown) => {
          if (entry.stopped) return;
          const { attempts, ...failure } = failureOf(error);
          if (failure.code === callerHungUpCode && args.callQueue) {
            abandoned = true;
            return;
          }
          if (step) {
            step.error = { ...failure, code: failure.code ?? 'NODE_FAILED', nodeId: request.nodeId };
            if (attempts !== undefined) step.attempts = attempts;
          }
          queue.push({ event: { type: `xstate.error.actor.${id}`, error: failure } });
        },
      )
      .finally(() => inflight.delete(id));
  }

  function markDirty(step: StepRecord) {
    dirtySteps.set(step.seq, step);
  }

  function carryOut(actions: ExecutableAction[]) {
    for (const action of actions) {
      const params = action.params ?? {};
      switch (action.type) {
        case 'enterNode': {
          const info = workflowInfo();
          const step: StepRecord = {
            seq: ++seq,
            nodeId: String(params.nodeId),
            nodeType: String(params.nodeType),
            enteredAt: now(),
            temporalRunId: info.runId,
            wft: info.historyLength,
          };
          openSteps.set(step.nodeId, step);
          markDirty(step);
          break;
        }
        case 'leaveNode': {
          const step = openSteps.get(String(params.nodeId));
          if (!step) break;
          step.leftAt = now();
          step.port = String(params.port);
          step.output = context().nodes[step.nodeId]?.output;
          openSteps.delete(step.nodeId);
          markDirty(step);
          break;
        }
        case 'xstate.spawnChild':
          startActivity(String(params.id), params.input as ActivityRequest);
          break;
        case 'xstate.stopChild': {
          const ref = params.actorRef as { id?: string } | undefined;
          const id = String(ref?.id ?? (params as { id?: string }).id);
          const entry = inflight.get(id);
          if (entry) {
            entry.stopped = true;
            entry.scope.cancel();
          }
          break;
        }
        case 'xstate.raise':
          if (typeof params.delay === 'number') {
            const id = String(params.id);
            timers.set(id, { id, event: params.event as { type: string }, dueAt: Date.now() + params.delay });
          }
          break;
        case 'xstate.cancel':
          timers.delete(String(params.sendId));
          break;
      }
    }
  }

  function flush(ending: boolean) {
    const error = fault();
    const key = JSON.stringify([status, currentNodes(), dirtySteps.size]);
    if (!ending && dirtySteps.size === 0 && newEvents.length === 0 && key === lastFlushed) return;
    lastFlushed = key;
    const steps = [...dirtySteps.values()].map((s) => ({ ...s }));
    dirtySteps.clear();
    const events = newEvents.splice(0);
    progress.record({
      runId: args.runId,
      workspaceId: args.workspaceId,
      status,
      currentNodes: ending ? [] : currentNodes(),
      steps,
      ...(events.length > 0 ? { events } : {}),
      ...(ending && context().output !== undefined ? { output: context().output } : {}),
      ...(error ? { error } : {}),
      ended: ending,
    });
  }

  setHandler(stateQuery, runState);
  setHandler(
    sendEventUpdate,
    async (event: FlowEvent) => {
      const ticket = ++tickets;
      idle = false;
      queue.push({ event: { ...event, type: event.type }, ticket, external: true });
      await condition(() => refusals.has(ticket) || (processed >= ticket && idle));
      const refusal = refusals.get(ticket);
      if (refusal !== undefined) {
        refusals.delete(ticket);
        // Accepted by the validator, but an event ahead of it moved the run on: it was not
        // applied, so the sender must not hear that it was.
        throw ApplicationFailure.create({ type: eventNotAcceptedCode, message: refusal, nonRetryable: true });
      }
      return runState();
    },
    {
      // Refuses early, without a trace in history, what the run cannot take now. Updates accepted
      // together are all checked against the same state, so the handler checks again in turn.
      validator: (event: FlowEvent) => {
        if (ended()) throw new Error(hasEnded());
        if (event.type.startsWith('xstate.'))
          throw new Error('Event types starting with "xstate." are reserved');
        if (!snapshot.can(event)) throw new Error(cannotTake(event.type));
      },
    },
  );
  setHandler(
    skipWaitUpdate,
    async () => {
      const ticket = ++tickets;
      idle = false;
      const next = [...timers.values()].sort((a, b) => a.dueAt - b.dueAt)[0]!;
      timers.delete(next.id);
      queue.push({ event: next.event, ticket });
      await condition(() => processed >= ticket && idle);
      return runState();
    },
    {
      validator: () => {
        if (!args.test) throw new Error('Only test runs from the simulator can skip waits');
        if (ended() || timers.size === 0) throw new Error('The run is not waiting on a timer');
      },
    },
  );
  setHandler(eventSignal, (event: FlowEvent) => {
    if (event.type === callHangupEvent && args.callQueue && !ended()) abandoned = true;
    else if (!event.type.startsWith('xstate.'))
      queue.push({ event: { ...event, type: event.type }, external: true });
  });

  if (args.resume) {
    snapshot = machine.resolveState(args.resume.snapshot as never);
  } else {
    const [first, actions] = stepper.initial({ input: args.input, run: args.run });
    snapshot = first;
    carryOut(actions as ExecutableAction[]);
  }

  try {
    for (;;) {
      while (queue.length > 0 && !ended()) {
        idle = false;
        const next = queue.shift()!;
        const takes = snapshot.can(next.event as never);
        if (next.ticket && next.external && !takes) {
          refusals.set(next.ticket, cannotTake(next.event.type));
          processed = next.ticket;
          continue;
        }
        // A signal the run cannot take now changes nothing, so it is not part of the run's story.
        const recorded = next.external === true && takes;
        const [after, actions] = stepper.next(snapshot, next.event);
        if (recorded) {
          const { type, data } = next.event;
          newEvents.push({
            seq: ++eventSeq,
            type,
            ...(data !== undefined ? { data } : {}),
            receivedAt: now(),
          });
        }
        snapshot = after;
        carryOut(actions as ExecutableAction[]);
        if (next.ticket) processed = next.ticket;
      }
      if (ended()) break;
      const due = [...timers.values()].filter((t) => t.dueAt <= Date.now()).sort((a, b) => a.dueAt - b.dueAt);
      for (const timer of due) {
        timers.delete(timer.id);
        queue.push({ event: timer.event });
      }
      if (queue.length > 0) continue;

      status = inflight.size === 0 ? 'waiting' : 'running';
      flush(false);
      if (queue.length > 0) continue;
      idle = inflight.size === 0;
      const info = workflowInfo();
      if (idle && (info.continueAsNewSuggested || info.historyLength > (args.historyLimit ?? 20_000))) {
        await condition(allHandlersFinished);
        await continueAsNew<typeof flowRun>({
          ...args,
          resume: {
            snapshot: machine.getPersistedSnapshot(snapshot),
            timers: [...timers.values()],
            seq,
            eventSeq,
            openSteps: [...openSteps.values()],
          },
        });
      }
      const nextDue = Math.min(...[...timers.values()].map((t) => t.dueAt));
      const woken = () => queue.length > 0 || abandoned;
      if (Number.isFinite(nextDue)) {
        await condition(woken, Math.max(1, nextDue - Date.now()));
      } else {
        await condition(woken);
      }
    }
  } catch (error) {
    if (!isCancellation(error)) throw error;
    status = 'cancelled';
    for (const step of openSteps.values()) {
      step.leftAt = now();
      markDirty(step);
    }
    flush(true);
    throw error;
  }

  for (const entry of inflight.values()) {
    entry.stopped = true;
    entry.scope.cancel();
  }
  if (abandoned)
    hangupFault = { code: callerHungUpCode, message: 'The caller hung up', nodeId: currentNodes()[0] };
  status = abandoned
    ? 'abandoned'
    : fault() || String(snapshot.value) === '__failed'
      ? 'failed'
      : 'completed';
  const ending = now();
  for (const step of openSteps.values()) {
    step.leftAt = ending;
    step.output = context().nodes[step.nodeId]?.output;
    if (status === 'failed' && fault()?.nodeId === step.nodeId) step.error = fault();
    if (abandoned)
      step.error = { code: callerHungUpCode, message: 'The caller hung up', nodeId: step.nodeId };
    markDirty(step);
  }
  openSteps.clear();
  flush(true);
  // Events still queued when the run ended were never applied.
  for (const left of queue.splice(0)) if (left.ticket && left.external) refusals.set(left.ticket, hasEnded());
  idle = true;
  processed = tickets;
  // Only wait when an update is still running: every promise a workflow creates costs a stack
  // capture in the SDK, and most runs end with nothing in flight.
  if (!allHandlersFinished()) await condition(allHandlersFinished);
  const error = fault();
  return {
    status,
    ...(context().output !== undefined ? { output: context().output } : {}),
    ...(error ? { error } : {}),
  };
}
export { bulkRuns, retentionSweep } from './operations-workflows.ts';
