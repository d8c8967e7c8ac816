import type { Condition } from '../expressions/conditions.ts';
import type { Json } from '../types.ts';

/**
 * The params of every action a compiled machine may name, by action. A node folder whose node
 * needs actions of its own declares them by augmenting this interface beside their
 * implementation (see messaging/ask.instructions.ts), so a fragment naming them is checked too.
 */
export interface ActionParams {
  /** Step markers: the workflow records a step when a node is entered and left. */
  enterNode: { nodeId: string; nodeType: string };
  leaveNode: { nodeId: string; port: string };
  /** The run's input becomes the node's output (triggers). */
  saveInput: { nodeId: string };
  /** Assignments in order; values are templates, evaluated against the run. */
  setVars: { nodeId: string; assignments: readonly { name: string; value: Json }[] };
  setNodeOutput: { nodeId: string; output: Json };
  /** The finished activity's output becomes the node's output. */
  saveOutput: { nodeId: string };
  /** The failed activity's error becomes the node's output (a wired error port). */
  saveError: { nodeId: string };
  /** The outside event's data becomes the node's output. */
  saveEvent: { nodeId: string };
  /** "Save the answer as variable X": field `field` of the node's output becomes `vars[name]`. */
  saveAnswerAs: { nodeId: string; field: string; name: string };
  /** The run's output (templates evaluated), also kept as the node's output. */
  setOutput: { nodeId: string; output: Json };
  /** Fails the run at the node; `until` renders the date-time a `WAIT_UNTIL_INVALID` names. */
  fail: { nodeId: string; code: string; until?: string };
}

/** The params of every guard a compiled machine may name, by guard. Augmentable as above. */
export interface GuardParams {
  matches: { match: 'all' | 'any'; conditions: readonly Condition[] };
  /** The finished activity left by this port. */
  portIs: { port: string };
  /** The templated date-time does not render to one. */
  untilInvalid: { until: string };
}

/** An action reference as it is stored in machine JSON: a name and its params. */
export type ActionRef = {
  [K in keyof ActionParams]: { type: K; params: ActionParams[K] };
}[keyof ActionParams];
export type GuardRef = { [K in keyof GuardParams]: { type: K; params: GuardParams[K] } }[keyof GuardParams];

/** Names an action with its params, checked against `ActionParams`: `action('saveOutput', { nodeId })`. */
export function action<K extends keyof ActionParams>(
  type: K,
  params: ActionParams[K],
): { type: K; params: ActionParams[K] } {
  return { type, params };
}

/** Names a guard with its params, checked against `GuardParams`: `guard('portIs', { port })`. */
export function guard<K extends keyof GuardParams>(
  type: K,
  params: GuardParams[K],
): { type: K; params: GuardParams[K] } {
  return { type, params };
}
