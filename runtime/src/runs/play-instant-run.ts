import type { AnyMachineSnapshot } from 'xstate';
import type { NodeRegistry, TemplateScope } from '@omniflow/nodes/sdk';
import { createMachineStepper, hydrateMachine } from '../machine/index.ts';
import type { MachineInput, MachineJson, RunContext, RunFault } from '../machine/index.ts';
import type { RunProgress, RunStatus } from '../temporal/run-progress.ts';
import type { ResumeState } from '../temporal/workflow-api.ts';
import { planCommands, type RunCommand, type TimerEvent } from '../temporal/workflows/plan-commands.ts';
import { createStepJournal } from '../temporal/workflows/step-journal.ts';

export interface InstantRunStart extends MachineInput {
  runId: string;
  workspaceId: string;
  machine: MachineJson;
}

export type InstantRunOutcome =
  /** The run ended in the process: `progress` is its whole record, as the workflow would end it. */
  | { kind: 'ended'; progress: RunProgress; context: RunContext }
  /**
   * The run reached a node that is not pure (or a wait): `progress` is what it did so far,
   * `resume` where the flowRun workflow takes it on (its snapshot, step journal and the commands
   * of the step that reached that node, not yet carried out).
   */
  | { kind: 'handover'; progress: RunProgress; context: RunContext; resume: ResumeState };

/**
 * A run that loops through pure nodes this many times is handed over: the validator refuses
 * loops without a waiting node, so only a very long path gets here, and Temporal's history
 * (continue-as-new included) is the place for it.
 */
const maxTransitions = 1000;

interface QueuedEvent {
  type: string;
  [key: string]: unknown;
}

/**
 * Plays a run of a compiled flow in this process, exactly as the flowRun workflow would drive it
 * (the same hydrated machine, XState's pure reducer, the same step journal and the same command
 * plan), as long as every node it reaches is `pure` (NodeDefinition.pure): their fragments only
 * change the run's context and their activities, run here with the node's own code, only
 * compute. Nothing leaves the process, so a run played and not recorded never happened.
 *
 * The first node that is not pure, a timer (a wait, a timeout) or an activity that throws (the
 * workflow retries it by its policy) stops the play: the commands of that step from there on are
 * left for the workflow, which resumes from the snapshot reached (flow-run.ts `resume`).
 */
export async function playInstantRun(
  registry: NodeRegistry,
  start: InstantRunStart,
  clock: () => Date = () => new Date(),
): Promise<InstantRunOutcome> {
  const machine = hydrateMachine(start.machine);
  const stepper = createMachineStepper(machine);
  const now = () => clock().toISOString();
  let recorded: RunProgress | undefined;
  const journal = createStepJournal(start, (progress) => {
    recorded = progress;
  });
  const queue: QueuedEvent[] = [];
  const stopped = new Set<string>();
  let snapshot: AnyMachineSnapshot;
  let left: RunCommand[] | undefined;

  const context = (): RunContext => snapshot.context;
  const fault = (): RunFault | undefined => context().error;
  const ended = () => snapshot.status === 'done' || fault() !== undefined;
  const isPure = (nodeType: string, version?: number) => registry.get(nodeType, version)?.pure === true;
  const currentNodes = () => {
    const value = snapshot.value;
    const ids = typeof value === 'string' ? [value] : Object.keys(value as object);
    return ids.filter((id) => id !== '__completed' && id !== '__failed');
  };

  /**
   * Carries out one step's commands: the step records here, and the pure activities (returned
   * to be run once the step is done). Once a command needs the workflow, it and every later
   * one, and every side effect of the step, are left for it.
   */
  function carryOut(commands: RunCommand[]) {
    const activities: Extract<RunCommand, { type: 'startActivity' }>[] = [];
    const forWorkflow: RunCommand[] = [];
    for (const command of commands) {
      if (!left) {
        const needsWorkflow =
          (command.type === 'openStep' && !isPure(command.nodeType)) ||
          (command.type === 'startActivity' && !isPure(command.request.nodeType, command.request.version)) ||
          command.type === 'startTimer';
        if (needsWorkflow) left = [];
      }
      if (left) {
        if (command.type === 'openStep' || command.type === 'closeStep') left.push(command);
        else forWorkflow.push(command);
        continue;
      }
      switch (command.type) {
        case 'openStep':
          journal.open(command.nodeId, command.nodeType, { enteredAt: now() });
          break;
        case 'closeStep':
          journal.close(command.nodeId, command.port, now(), (id) => context().nodes[id]?.output);
          break;
        case 'startActivity':
          activities.push(command);
          forWorkflow.push(command);
          break;
        default:
          forWorkflow.push(command);
      }
    }
    if (left) {
      // The step's side effects go to the workflow, in the order the step gave them.
      left.push(...forWorkflow);
      return [];
    }
    for (const command of forWorkflow)
      if (command.type === 'stopActivity' || command.type === 'cancelTimer') stopped.add(command.id);
    return activities;
  }

  /** Runs a pure node's activity here; false when it threw (the workflow runs it again by its policy). */
  async function runActivity(command: Extract<RunCommand, { type: 'startActivity' }>): Promise<boolean> {
    const { request } = command;
    const definition = registry.get(request.nodeType, request.version);
    if (!definition?.activity) return false;
    const step = journal.stepOf(request.nodeId);
    const idempotencyKey = journal.idempotencyKey(request.nodeId, step);
    const { input, vars, nodes, run } = context();
    const scope: TemplateScope = { input, vars, nodes, run };
    try {
      const config = definition.config.parse(request.config);
      const result = await definition.activity.run(config, scope, {
        idempotencyKey,
        nodeId: request.nodeId,
        signal: new AbortController().signal,
        env: {},
        clock,
        ...(request.next !== undefined ? { next: request.next as never } : {}),
      });
      if (step && result.input !== undefined) step.input = result.input;
      if (step) step.attempts = 1;
      queue.push({
        type: `xstate.done.actor.${command.id}`,
        output: {
          port: result.port,
          output: result.output,
          ...(result.input !== undefined ? { input: result.input } : {}),
          ...(result.fault ? { fault: result.fault } : {}),
          attempts: 1,
        },
      });
      return true;
    } catch {
      if (step) step.spawns = (step.spawns ?? 1) - 1;
      return false;
    }
  }

  /** Plays a step and its pure activities; false once the rest is the workflow's. */
  async function play(commands: RunCommand[]): Promise<boolean> {
    const activities = carryOut(commands);
    for (const [index, command] of activities.entries()) {
      if (stopped.has(command.id)) continue;
      if (!(await runActivity(command))) {
        left = activities.slice(index).filter((c) => !stopped.has(c.id));
        return false;
      }
    }
    return left === undefined;
  }

  const [first, actions] = stepper.initial({ input: start.input, run: start.run });
  snapshot = first;
  let playing = await play(planCommands(actions));
  for (let count = 0; playing && !ended(); count++) {
    const next = queue.shift();
    if (!next || count >= maxTransitions) {
      // At rest (it waits for an outside event) or too long a path: Temporal's to keep.
      if (next) queue.unshift(next);
      left = [];
      break;
    }
    const [after, more] = stepper.next(snapshot, next);
    snapshot = after;
    playing = await play(planCommands(more));
  }

  if (left) {
    journal.report({ status: 'running', currentNodes: currentNodes(), output: context().output }, false);
    return {
      kind: 'handover',
      progress: recorded!,
      context: context(),
      resume: {
        snapshot: machine.getPersistedSnapshot(snapshot),
        timers: [],
        ...journal.resumeState(),
        commands: left,
        ...(queue.length > 0 ? { events: queue as TimerEvent[] } : {}),
      },
    };
  }

  // As flowRun ends a run (flow-run.ts), with no call to hang up.
  const status: RunStatus = fault() || String(snapshot.value) === '__failed' ? 'failed' : 'completed';
  const ending = now();
  journal.closeAll((step) => {
    step.leftAt = ending;
    step.output = context().nodes[step.nodeId]?.output;
    if (status === 'failed' && fault()?.nodeId === step.nodeId) step.error = fault();
  });
  journal.report({ status, currentNodes: [], output: context().output, error: fault() }, true);
  return { kind: 'ended', progress: recorded!, context: context() };
}
