import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineNode } from './define-node.ts';
import { action, guard } from './instructions/index.ts';
import { runFragment } from './testing.ts';
import type { StateFragment } from './types.ts';

function nodeWith(compile: (nodeId: string) => StateFragment) {
  return defineNode({
    type: 'acme.step',
    version: 1,
    title: { en: 'Step', es: 'Paso' },
    description: { en: 'A step', es: 'Un paso' },
    category: 'data',
    icon: 'box',
    ports: ['next'],
    config: z.object({}),
    compile: (node) => compile(node.id),
  });
}

describe('runFragment', () => {
  it('runs a fragment with the core instructions and reports the port and output', () => {
    const run = runFragment(
      nodeWith((nodeId) => ({
        always: {
          guard: guard('matches', {
            match: 'all',
            conditions: [{ left: '{{ input.n }}', operator: 'gt', right: '1' }],
          }),
          target: '#flow.port-next',
          actions: [
            action('setNodeOutput', { nodeId, output: { big: true } }),
            action('leaveNode', { nodeId, port: 'next' }),
          ],
        },
      })),
      {},
      { input: { n: 5 } },
    );
    expect(run.port).toBe('next');
    expect(run.output).toEqual({ big: true });
  });

  it('refuses a fragment naming an instruction its node does not bring', () => {
    // message.ask's own action, named by a node that does not declare it: XState would skip it.
    const borrowing = nodeWith((nodeId) => ({ entry: [action('countRetry', { nodeId })] }));
    expect(() => runFragment(borrowing, {})).toThrow(/acme\.step names countRetry/);
  });
});
