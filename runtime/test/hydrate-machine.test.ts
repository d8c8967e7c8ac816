import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { initialTransition } from 'xstate';
import type { MachineJson } from '../src/compiler/machine-json.ts';
import { hydrateMachine } from '../src/machine/hydrate-machine.ts';
import type { RunContext } from '../src/machine/run-context.ts';

const golden = (name: string): MachineJson =>
  JSON.parse(readFileSync(new URL(`./golden/${name}.machine.json`, import.meta.url), 'utf8'));
const run = { id: 'run-1', flowId: 'flow-1', version: 1, startedAt: '2026-01-01T00:00:00.000Z' };

describe('hydrateMachine', () => {
  it('gives runs of the same machine JSON one machine, and other JSON its own', () => {
    expect(hydrateMachine(golden('approval'))).toBe(hydrateMachine(golden('approval')));
    expect(hydrateMachine(golden('approval'))).not.toBe(hydrateMachine(golden('ivr-menu')));
  });

  it('keeps a machine apart from the object it was built from', () => {
    const json = { ...golden('ivr-menu'), variables: { greeting: 'hola' } };
    const machine = hydrateMachine(json);
    json.variables.greeting = 'changed';
    const [snapshot] = initialTransition(machine, { input: {}, run });
    expect((snapshot.context as RunContext).vars).toMatchObject({ greeting: 'hola' });
  });

  it('keeps only recent machines, and none larger than the bound', () => {
    const numbered = (i: number) => ({ ...golden('approval'), variables: { i } });
    const first = hydrateMachine(numbered(0));
    for (let i = 1; i <= 100; i++) hydrateMachine(numbered(i));
    expect(hydrateMachine(numbered(0))).not.toBe(first);
    const huge = { ...golden('approval'), variables: { text: 'x'.repeat(4_000_001) } };
    expect(hydrateMachine(huge)).not.toBe(hydrateMachine(huge));
  });
});
