import { describe, expect, it } from 'vitest';
import { builtinNodes } from './index.ts';
import { instructionSet } from './instructions.ts';
import { coreInstructions } from './sdk/instructions/index.ts';

describe('the instruction set the workflow runs with', () => {
  it.each(builtinNodes.filter((d) => d.instructions).map((d) => [d.type, d] as const))(
    'holds the instructions %s brings',
    (_type, definition) => {
      for (const [name, action] of Object.entries(definition.instructions?.actions ?? {})) {
        expect(Object.entries(instructionSet.actions)).toContainEqual([name, action]);
      }
      for (const [name, guard] of Object.entries(definition.instructions?.guards ?? {})) {
        expect(Object.entries(instructionSet.guards)).toContainEqual([name, guard]);
      }
    },
  );

  it('lets no node replace a core instruction', () => {
    for (const definition of builtinNodes) {
      for (const name of Object.keys(definition.instructions?.actions ?? {})) {
        expect(Object.keys(coreInstructions.actions)).not.toContain(name);
      }
      for (const name of Object.keys(definition.instructions?.guards ?? {})) {
        expect(Object.keys(coreInstructions.guards)).not.toContain(name);
      }
    }
  });
});
