import type { RunFault } from '../../machine/index.ts';
import type { EventRecord, RunProgress, RunStatus, StepRecord } from '../run-progress.ts';
import type { ResumeState } from '../workflow-api.ts';

/** Where a step began in Temporal history (for retry-from-step). */
export interface StepOrigin {
  enteredAt: string;
  /** Absent for a step played outside Temporal (an instant run, runs/play-instant-run.ts). */
  temporalRunId?: string;
  wft?: number;
}

/** The run as the journal reports it at a resting point or at the end. */
export interface RunReport {
  status: RunStatus;
  currentNodes: string[];
  output?: unknown;
  error?: RunFault | undefined;
}

/**
 * The run's story as the database keeps it: each visit of a node (a step, numbered by `seq`) and
 * each event taken from outside. Steps still open or changed since the last report are sent
 * with the next one; `report` hands them to the progress sink.
 */
export interface StepJournal {
  open(nodeId: string, nodeType: string, origin: StepOrigin): void;
  /** Closes the node's open step, if any, through `port`. */
  close(nodeId: string, port: string, leftAt: string, output: (nodeId: string) => unknown): void;
  /** The node's open step. */
  stepOf(nodeId: string): StepRecord | undefined;
  /**
   * `runId:nodeId:seq` for a step's first side effect; a node that acts again within one step
   * (asking again after an invalid reply) gets `:2`, `:3`…, so each is sent once, not deduplicated.
   */
  idempotencyKey(nodeId: string, step: StepRecord | undefined): string;
  recordEvent(type: string, data: unknown, receivedAt: string): void;
  /** Closes every open step (the run ended or was cancelled), each finished by `finish`. */
  closeAll(finish: (step: StepRecord) => void): void;
  /** Sends what changed since the last report; at a resting point, nothing when nothing did. */
  report(run: RunReport, ending: boolean): void;
  /** What continue-as-new carries. */
  resumeState(): Pick<ResumeState, 'seq' | 'eventSeq' | 'openSteps'>;
}

export function createStepJournal(
  run: { runId: string; workspaceId: string; resume?: ResumeState | undefined },
  record: (progress: RunProgress) => void,
): StepJournal {
  const openSteps = new Map<string, StepRecord>((run.resume?.openSteps ?? []).map((s) => [s.nodeId, s]));
  const dirtySteps = new Map<number, StepRecord>();
  const newEvents: EventRecord[] = [];
  let seq = run.resume?.seq ?? 0;
  let eventSeq = run.resume?.eventSeq ?? 0;
  let lastReported = '';

  const changed = (step: StepRecord) => void dirtySteps.set(step.seq, step);

  return {
    open(nodeId, nodeType, origin) {
      const step: StepRecord = {
        seq: ++seq,
        nodeId,
        nodeType,
        enteredAt: origin.enteredAt,
        ...(origin.temporalRunId !== undefined ? { temporalRunId: origin.temporalRunId } : {}),
        ...(origin.wft !== undefined ? { wft: origin.wft } : {}),
      };
      openSteps.set(nodeId, step);
      changed(step);
    },
    close(nodeId, port, leftAt, output) {
      const step = openSteps.get(nodeId);
      if (!step) return;
      step.leftAt = leftAt;
      step.port = port;
      step.output = output(nodeId);
      openSteps.delete(nodeId);
      changed(step);
    },
    stepOf: (nodeId) => openSteps.get(nodeId),
    idempotencyKey(nodeId, step) {
      const base = `${run.runId}:${nodeId}:${step?.seq ?? seq}`;
      if (!step) return base;
      step.spawns = (step.spawns ?? 0) + 1;
      return step.spawns === 1 ? base : `${base}:${step.spawns}`;
    },
    recordEvent(type, data, receivedAt) {
      newEvents.push({ seq: ++eventSeq, type, ...(data !== undefined ? { data } : {}), receivedAt });
    },
    closeAll(finish) {
      for (const step of openSteps.values()) {
        finish(step);
        changed(step);
      }
      openSteps.clear();
    },
    report(state, ending) {
      const key = JSON.stringify([state.status, state.currentNodes, dirtySteps.size]);
      if (!ending && dirtySteps.size === 0 && newEvents.length === 0 && key === lastReported) return;
      lastReported = key;
      const steps = [...dirtySteps.values()].map((s) => ({ ...s }));
      dirtySteps.clear();
      const events = newEvents.splice(0);
      record({
        runId: run.runId,
        workspaceId: run.workspaceId,
        status: state.status,
        currentNodes: ending ? [] : state.currentNodes,
        steps,
        ...(events.length > 0 ? { events } : {}),
        ...(ending && state.output !== undefined ? { output: state.output } : {}),
        ...(state.error ? { error: state.error } : {}),
        ended: ending,
      });
    },
    resumeState: () => ({ seq, eventSeq, openSteps: [...openSteps.values()] }),
  };
}
