import type { StateFragment, TransitionJson } from '../types.ts';
import { stepMarkers, type NodeInstructions } from './instruction-set.ts';

/**
 * The actions and guards the states name that the instructions lack. XState skips an action it
 * has no implementation for and takes a guard it cannot find as false, so a fragment naming an
 * instruction its node never declared would run quietly wrong: tests ask this first.
 */
export function missingInstructions(
  states: Record<string, StateFragment>,
  instructions: NodeInstructions,
): string[] {
  const missing = new Set<string>();
  const actions = new Set<string>([...stepMarkers, ...Object.keys(instructions.actions ?? {})]);
  const guards = new Set(Object.keys(instructions.guards ?? {}));
  const transitions = (t: TransitionJson | TransitionJson[] | undefined) => {
    for (const transition of [t ?? []].flat()) {
      if (transition.guard && !guards.has(transition.guard.type)) missing.add(transition.guard.type);
      for (const action of transition.actions ?? []) if (!actions.has(action.type)) missing.add(action.type);
    }
  };
  const visit = (state: StateFragment) => {
    for (const action of state.entry ?? []) if (!actions.has(action.type)) missing.add(action.type);
    transitions(state.always);
    for (const t of Object.values(state.on ?? {})) transitions(t);
    for (const t of Object.values(state.after ?? {})) transitions(t);
    if (state.invoke) {
      transitions(state.invoke.onDone);
      transitions(state.invoke.onError);
    }
    for (const child of Object.values(state.states ?? {})) visit(child);
  };
  for (const state of Object.values(states)) visit(state);
  return [...missing];
}
