import { initialTransition, transition, type AnyMachineSnapshot, type ExecutableActionObject } from 'xstate';
import { completedState, createCompileContext, failedState } from './compile-context.ts';
import { portsOf } from './define-node.ts';
import { coreInstructions } from './instructions/core-instructions.ts';
import { createRunMachine } from './instructions/create-run-machine.ts';
import { missingInstructions } from './instructions/missing-instructions.ts';
import type { RunContext, RunEvent, RunFault } from './instructions/run-context.ts';
import type {
  ActivityResult,
  AnyNodeDefinition,
  NodeRecordings,
  NodeVoicePrompts,
  NodeVoice,
  StateFragment,
  TemplateScope,
} from './types.ts';

/** A template scope with sensible defaults, for node tests. */
export function testScope(partial: Partial<TemplateScope> = {}): TemplateScope {
  return {
    input: {},
    vars: {},
    nodes: {},
    run: { id: 'run-test', flowId: 'flow-test', version: 1, startedAt: '2026-01-01T00:00:00.000Z' },
    ...partial,
  };
}

/** Parses a config the way publishing does and compiles the node with ports wired to `<port>Target`. */
export function compileNode(
  definition: AnyNodeDefinition,
  config: unknown,
  wiring: Record<string, string> = {},
  id = 'node',
): StateFragment {
  const parsed = definition.config.parse(config);
  const node = { id, type: definition.type, version: definition.version, config: parsed };
  return definition.compile(
    node,
    createCompileContext(node, new Map(Object.entries(wiring)), definition.activity?.options),
  );
}

/** Runs a node's activity once, outside Temporal, with real dependencies. */
export async function runNodeActivity(
  definition: AnyNodeDefinition,
  config: unknown,
  options: {
    scope?: TemplateScope;
    env?: Record<string, string | undefined>;
    idempotencyKey?: string;
    /** The activity's clock. */
    now?: Date;
    /** The calls voice nodes act on. */
    voice?: NodeVoice;
    recordings?: NodeRecordings;
    /** The workspace's recorded prompts (`prompt:<id>`). */
    voicePrompts?: NodeVoicePrompts;
  } = {},
): Promise<ActivityResult> {
  if (!definition.activity) throw new Error(`${definition.type} has no activity`);
  const now = options.now;
  return definition.activity.run(definition.config.parse(config), options.scope ?? testScope(), {
    idempotencyKey: options.idempotencyKey ?? 'run-test:node:1',
    signal: new AbortController().signal,
    env: options.env ?? {},
    ...(now ? { clock: () => now } : {}),
    ...(options.voice ? { voice: options.voice } : {}),
    ...(options.recordings ? { recordings: options.recordings } : {}),
    ...(options.voicePrompts ? { voicePrompts: options.voicePrompts } : {}),
  });
}

/** An activity a fragment started that the test has not answered yet. */
export interface StartedActivity {
  /** The invoke's id: `xstate.done.actor.<id>` answers it. */
  id: string;
  /** The config it would run with (message.ask's retry sends its error text as the question). */
  config: unknown;
}

/** One node's fragment, running in a machine of its own: what a test drives and reads. */
export interface FragmentRun {
  /** The port the node left by, once it has (`undefined` while it is still there). */
  readonly port: string | undefined;
  /** The node's output as later nodes see it (`nodes.<id>.output`). */
  readonly output: unknown;
  readonly context: RunContext;
  /** Why the run failed at the node, when it did. */
  readonly failure: RunFault | undefined;
  /** Activities started and not answered yet, oldest first. */
  readonly activities: readonly StartedActivity[];
  /** Delays (ms) of the timers set and not fired or cancelled, in the order they were set. */
  readonly timers: readonly number[];
  /** Sends an outside event; false (and nothing changes) when the node does not take it now. */
  send(event: { type: string; data?: unknown }): boolean;
  /** Answers the oldest started activity as its `run` would: left by `port`, with `output`. */
  finishActivity(port: string, output?: unknown): void;
  /** Fails the oldest started activity (retries exhausted) with this error. */
  failActivity(error: { message: string; code?: string }): void;
  /** Fires the oldest timer (a wait's end, a question's timeout). */
  fireTimer(): void;
}

function field(params: unknown, key: string): unknown {
  return params !== null && typeof params === 'object' ? Reflect.get(params, key) : undefined;
}

/**
 * Compiles one node and runs its fragment with the real instructions (the core set and the
 * node's own) through XState's pure `initialTransition` / `transition`, as the workflow does,
 * without Temporal: activities wait for `finishActivity`, timers for `fireTimer`. Each port
 * leads to a final state of its own; `unwired` ports are left unconnected, as a designer may.
 * Throws when the fragment names an instruction the node does not bring.
 */
export function runFragment(
  definition: AnyNodeDefinition,
  config: unknown,
  options: {
    id?: string;
    input?: unknown;
    unwired?: readonly string[];
    /** The run's own fields (a split by run id needs runs of their own). */
    run?: Partial<TemplateScope['run']>;
  } = {},
): FragmentRun {
  const id = options.id ?? 'node';
  const parsed = definition.config.parse(config);
  const node = { id, type: definition.type, version: definition.version, config: parsed };
  const wired = portsOf(definition, parsed).filter((port) => !options.unwired?.includes(port));
  const targets = new Map(wired.map((port) => [port, `port-${port}`]));
  const fragment = definition.compile(
    node,
    createCompileContext(node, targets, definition.activity?.options),
  );
  const states: Record<string, StateFragment> = {
    [id]: {
      ...fragment,
      entry: [
        { type: 'enterNode', params: { nodeId: id, nodeType: definition.type } },
        ...(fragment.entry ?? []),
      ],
      meta: { ...fragment.meta, nodeId: id, nodeType: definition.type },
    },
    [completedState]: { type: 'final', meta: { nodeId: completedState } },
    [failedState]: { type: 'final', meta: { nodeId: failedState } },
  };
  for (const state of targets.values()) states[state] = { type: 'final', meta: { nodeId: state } };
  const instructions = {
    actions: { ...coreInstructions.actions, ...definition.instructions?.actions },
    guards: { ...coreInstructions.guards, ...definition.instructions?.guards },
  };
  const missing = missingInstructions(states, instructions);
  if (missing.length > 0) {
    throw new Error(
      `${definition.type} names ${missing.join(', ')}, which neither the core set nor its own instructions have`,
    );
  }
  const machine = createRunMachine({ id: 'flow', initial: id, states, variables: {} }, instructions);

  let port: string | undefined;
  const activities: StartedActivity[] = [];
  const timers: { id: string; delay: number; event: RunEvent }[] = [];
  const carryOut = (actions: ExecutableActionObject[]) => {
    for (const action of actions) {
      const params = action.params;
      if (action.type === 'leaveNode') port = String(field(params, 'port'));
      else if (action.type === 'xstate.spawnChild') {
        activities.push({ id: String(field(params, 'id')), config: field(field(params, 'input'), 'config') });
      } else if (action.type === 'xstate.stopChild') {
        const stopped = field(field(params, 'actorRef'), 'id') ?? field(params, 'id');
        const at = activities.findIndex((a) => a.id === stopped);
        if (at >= 0) activities.splice(at, 1);
      } else if (action.type === 'xstate.raise') {
        const delay = field(params, 'delay');
        const event = field(params, 'event');
        if (typeof delay === 'number' && typeof field(event, 'type') === 'string') {
          timers.push({
            id: String(field(params, 'id')),
            delay,
            event: { type: String(field(event, 'type')) },
          });
        }
      } else if (action.type === 'xstate.cancel') {
        const at = timers.findIndex((t) => t.id === field(params, 'sendId'));
        if (at >= 0) timers.splice(at, 1);
      }
    }
  };
  const contextOf = (s: AnyMachineSnapshot): RunContext => s.context;
  const [first, actions] = initialTransition(machine, {
    input: options.input ?? {},
    run: { ...testScope().run, ...options.run },
  });
  let snapshot: AnyMachineSnapshot = first;
  carryOut(actions);
  const step = (event: RunEvent) => {
    const [next, more] = transition(machine, snapshot, event);
    snapshot = next;
    carryOut(more);
  };
  const oldestActivity = () => {
    const activity = activities.shift();
    if (!activity) throw new Error(`${definition.type} has no activity waiting for an answer`);
    return activity;
  };

  return {
    get port() {
      return port;
    },
    get output() {
      return contextOf(snapshot).nodes[id]?.output;
    },
    get context() {
      return contextOf(snapshot);
    },
    get failure() {
      return contextOf(snapshot).error;
    },
    get activities() {
      return [...activities];
    },
    get timers() {
      return timers.map((t) => t.delay);
    },
    send(event) {
      if (!snapshot.can(event)) return false;
      step(event);
      return true;
    },
    finishActivity(left, output = null) {
      step({ type: `xstate.done.actor.${oldestActivity().id}`, output: { port: left, output } });
    },
    failActivity(error) {
      step({ type: `xstate.error.actor.${oldestActivity().id}`, error });
    },
    fireTimer() {
      const timer = timers.shift();
      if (!timer) throw new Error(`${definition.type} has no timer set`);
      step(timer.event);
    },
  };
}
