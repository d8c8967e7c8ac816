import { defineQuery, defineSignal, defineUpdate, type Sinks } from '@temporalio/workflow';
import type { FlowEvent, MachineInput, RunFault } from '../machine/run-context.ts';
import type { MachineJson } from '../compiler/machine-json.ts';
import type { RunProgress, RunStatus, StepRecord } from './run-progress.ts';
import type { RunCommand, TimerEvent } from './workflows/plan-commands.ts';

export interface PendingTimer {
  id: string;
  event: { type: string };
  /** Absolute epoch ms, so the timer survives continue-as-new unchanged. */
  dueAt: number;
}

export interface ResumeState {
  snapshot: unknown;
  timers: PendingTimer[];
  seq: number;
  /** Absent when resuming a run started before events were recorded. */
  eventSeq?: number;
  openSteps: StepRecord[];
  /**
   * An instant run handed over (runs/play-instant-run.ts): the commands of the step that reached
   * a node that is not pure, not carried out yet, and the events its pure activities answered.
   */
  commands?: RunCommand[];
  events?: TimerEvent[];
}

export interface FlowRunArgs extends MachineInput {
  runId: string;
  workspaceId: string;
  machine: MachineJson;
  /** Carried by continue-as-new; absent on the first start. */
  resume?: ResumeState;
  /** A draft run from the builder's simulator: its waits can be skipped on request. */
  test?: boolean;
  /**
   * A run started by a phone call: the task queue of the process holding the call, where voice
   * nodes' activities go. It also makes a `call.hangup` signal end the run as abandoned.
   */
  callQueue?: string;
  /** Continue-as-new once history passes this many events (Temporal may suggest it sooner). */
  historyLimit?: number;
  /**
   * A person's messages the run takes first, in order, as if just signalled: those the run
   * before it in the conversation did not take (conversation-handover.ts), or those a run held
   * when it continued as new.
   */
  events?: FlowEvent[];
  /**
   * A person's conversation on a channel (route-inbound.ts): messages it does not take go on to
   * the conversation's next run (conversation-handover.ts).
   */
  conversation?: boolean;
  /**
   * Started by the run before it in the conversation (continue-as-new), not by `startFlowRun`:
   * the run notes its own Temporal execution on its row.
   */
  handedOver?: boolean;
}

export interface RunState {
  status: RunStatus;
  value: unknown;
  currentNodes: string[];
  context: unknown;
  error?: RunFault;
}

export interface FlowRunResult {
  status: RunStatus;
  output?: unknown;
  error?: RunFault;
}

export const sendEventUpdate = defineUpdate<RunState, [FlowEvent]>('sendEvent');
export const eventSignal = defineSignal<[FlowEvent]>('event');
/** Test runs only: fire the earliest pending timer now (a wait's end, a timeout). */
export const skipWaitUpdate = defineUpdate<RunState, []>('skipWait');
export const stateQuery = defineQuery<RunState>('state');

/** How a run reports its steps and state to the database (see progress-sink.ts). */
export interface ProgressSinks extends Sinks {
  progress: { record(progress: RunProgress): void };
}

/**
 * What a webhook's caller waits for (update-with-start, runtime/src/api/routes/hooks.ts): the output of the
 * first of the named `http.respond` nodes the run reaches, or, when it ends without one, how it
 * ended.
 */
export interface HttpAnswer {
  answer?: unknown;
  ended?: { status: RunStatus; error?: RunFault };
}
export const httpAnswerUpdate = defineUpdate<HttpAnswer, [string[]]>('httpAnswer');
