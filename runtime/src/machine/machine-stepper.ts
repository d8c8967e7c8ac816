import {
  createActor,
  fromTransition,
  type AnyActorScope,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type EventObject,
  type ExecutableActionObject,
} from 'xstate';
import type { MachineInput } from './run-context.ts';

export type Step = [snapshot: AnyMachineSnapshot, actions: ExecutableActionObject[]];

export interface MachineStepper {
  /** XState's `initialTransition(machine, input)`. */
  initial(input: MachineInput): Step;
  /** XState's `transition(machine, snapshot, event)`. */
  next(snapshot: AnyMachineSnapshot, event: EventObject): Step;
}

/**
 * XState's pure reducer (`initialTransition` / `transition`) for one run, with one inert actor
 * scope for all its steps. XState builds a new scope on every call from a full actor of the
 * machine, whose constructor computes an initial snapshot only to throw it away; that was the
 * costliest part of a short run's workflow task. The scope's `self` is never started and only
 * parents the (also never started) `runNode` children, as in XState's own inert scope; the
 * instruction set does not read `self`.
 */
export function createMachineStepper(machine: AnyStateMachine): MachineStepper {
  const self = createActor(fromTransition((state: undefined) => state, undefined));
  let collected: ExecutableActionObject[] = [];
  const scope: AnyActorScope = {
    self,
    system: self.system,
    id: '',
    sessionId: '',
    logger: () => {},
    defer: () => {},
    emit: () => {},
    stopChild: () => {},
    actionExecutor: (action) => void collected.push(action),
  };

  function step(compute: () => AnyMachineSnapshot): Step {
    collected = [];
    const snapshot = compute();
    return [snapshot, collected];
  }

  return {
    initial: (input) => step(() => machine.getInitialSnapshot(scope, input)),
    next: (snapshot, event) => step(() => machine.transition(snapshot, event, scope)),
  };
}
