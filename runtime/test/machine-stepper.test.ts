import { readFileSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { MachineJson } from '../src/compiler/machine-json.ts';
import { hydrateMachine } from '../src/machine/hydrate-machine.ts';
import { createMachineStepper } from '../src/machine/machine-stepper.ts';

// The stepper must be XState's pure reducer exactly: same snapshots, same actions, step by step.
// Each golden machine is walked along several paths, choosing among the events a run can
// receive at that point (activity results, due timers, outside events).

const goldenDir = new URL('./golden/', import.meta.url);
const machines = readdirSync(goldenDir)
  .filter((file) => file.endsWith('.machine.json'))
  .sort()
  .map((file): [string, MachineJson] => [file, JSON.parse(readFileSync(new URL(file, goldenDir), 'utf8'))]);

const runMeta = { id: 'run-1', flowId: 'flow-1', version: 1, startedAt: '2026-01-01T00:00:00.000Z' };
const inputs = [
  {},
  { digit: '2', amount: 150, vip: true, remindAt: '2026-03-02T09:00:00.000Z', email: 'a@example.test' },
];

type Event = { type: string; [key: string]: unknown };
interface Action {
  type: string;
  params?: Record<string, unknown>;
}

/** Actions and snapshots as data: actor references become their ids. */
function plain(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && 'sessionId' in v && 'id' in v ? { actor: v.id } : v,
    ),
  );
}

/** What the workflow reads of each action: its type and params (not XState's `info` about the actor). */
const actionsOf = (actions: unknown[]) =>
  plain((actions as Action[]).map(({ type, params }) => ({ type, params })));

function stateOf(machine: AnyStateMachine, snapshot: AnyMachineSnapshot) {
  return plain({
    value: snapshot.value,
    status: snapshot.status,
    context: snapshot.context,
    persisted: machine.getPersistedSnapshot(snapshot),
  });
}

/** What can happen next: a started activity finishes or fails, a timer fires, an event arrives. */
function nextEvents(json: MachineJson, snapshot: AnyMachineSnapshot, pending: Map<string, Event[]>): Event[] {
  const events = [...pending.values()].flat();
  const value = snapshot.value;
  const active = typeof value === 'string' ? [value] : Object.keys(value as object);
  for (const id of active) {
    const state = json.states[id] as { on?: Record<string, unknown> } | undefined;
    for (const type of Object.keys(state?.on ?? {})) events.push({ type, data: { channel: 'sms' } });
  }
  return events;
}

function track(json: MachineJson, actions: Action[], pending: Map<string, Event[]>) {
  for (const action of actions) {
    const params = action.params ?? {};
    if (action.type === 'xstate.spawnChild') {
      const id = String(params.id);
      const invoke = (
        json.states[id] as { invoke?: { onDone?: { guard?: { params?: { port?: string } } }[] } }
      )?.invoke;
      const ports = (invoke?.onDone ?? []).map((t) => t.guard?.params?.port ?? 'next');
      pending.set(id, [
        ...ports.map((port) => ({
          type: `xstate.done.actor.${id}`,
          output: { port, output: { status: 200 } },
        })),
        { type: `xstate.error.actor.${id}`, error: { message: 'down' } },
      ]);
    } else if (action.type === 'xstate.stopChild') {
      const ref = params.actorRef as { id?: string } | undefined;
      pending.delete(String(ref?.id ?? params.id));
    } else if (action.type === 'xstate.raise' && typeof params.delay === 'number') {
      pending.set(`timer:${String(params.id)}`, [params.event as Event]);
    } else if (action.type === 'xstate.cancel') {
      pending.delete(`timer:${String(params.sendId)}`);
    }
  }
}

describe('machine stepper', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T10:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('has golden machines to walk', () => {
    expect(machines.length).toBeGreaterThanOrEqual(4);
  });

  it.each(machines)('steps %s exactly as XState’s initialTransition and transition do', (_file, json) => {
    let steps = 0;
    for (const input of inputs) {
      for (let path = 0; path < 4; path++) {
        const machine = hydrateMachine(json);
        const stepper = createMachineStepper(machine);
        let [expected, expectedActions] = initialTransition(machine, { input, run: runMeta });
        let [actual, actualActions] = stepper.initial({ input, run: runMeta });
        const pending = new Map<string, Event[]>();
        for (let i = 0; ; i++) {
          expect(actionsOf(actualActions)).toEqual(actionsOf(expectedActions));
          expect(stateOf(machine, actual)).toEqual(stateOf(machine, expected));
          steps++;
          track(json, expectedActions as Action[], pending);
          const events = nextEvents(json, expected, pending);
          if (expected.status !== 'active' || events.length === 0 || i > 20) break;
          const event = events[(path + i) % events.length]!;
          if (event.type.startsWith('xstate.done.actor.') || event.type.startsWith('xstate.error.actor.'))
            pending.delete(event.type.split('.').slice(3).join('.'));
          for (const [key, list] of pending)
            if (key.startsWith('timer:') && list.includes(event)) pending.delete(key);
          [expected, expectedActions] = transition(machine, expected, event as never);
          [actual, actualActions] = stepper.next(actual, event);
        }
      }
    }
    const walks = inputs.length * 4;
    const waits = Object.values(json.states).some(
      (state) => 'invoke' in state || 'on' in state || 'after' in state,
    );
    if (waits) expect(steps).toBeGreaterThan(walks);
    else expect(steps).toBe(walks);
  });
});
