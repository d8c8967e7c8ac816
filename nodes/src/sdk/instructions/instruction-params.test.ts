import { describe, expect, it } from 'vitest';
import type { StateFragment } from '../types.ts';
import { action, guard } from './instruction-params.ts';

// The @ts-expect-error lines are the real checks: `npx tsc -b` fails when a wrong name or param
// stops being a type error.
describe('naming instructions', () => {
  it('gives the stored form: a name and its params', () => {
    expect(action('saveOutput', { nodeId: 'a' })).toEqual({ type: 'saveOutput', params: { nodeId: 'a' } });
    expect(guard('portIs', { port: 'sent' })).toEqual({ type: 'portIs', params: { port: 'sent' } });
  });

  it('refuses a wrong name or param at typecheck, in helpers and in literals alike', () => {
    const wrong = (): StateFragment[] => [
      // @ts-expect-error saveOutput takes a nodeId
      { entry: [action('saveOutput', { node: 'a' })] },
      // @ts-expect-error there is no guard portIss
      { always: { guard: guard('portIss', { port: 'x' }) } },
      // @ts-expect-error portIs takes a port, not a nodeId
      { always: { guard: { type: 'portIs', params: { nodeId: 'a' } } } },
      // @ts-expect-error message.ask's answerValid needs the kind and choices it checks against
      { always: { guard: { type: 'answerValid', params: { nodeId: 'a' } } } },
    ];
    expect(wrong).toBeTypeOf('function');
  });
});
