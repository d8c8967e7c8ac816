import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { builtinNodes } from '@omniflow/nodes';
import { createNodeRegistry } from '@omniflow/nodes/sdk';
import { describe, expect, it } from 'vitest';
import { compileFlow } from '../src/compiler/compile-flow.ts';
import { flowDocumentSchema } from '../src/graph/flow-schema.ts';

// Golden graphs (DESIGN.md §10): each `<name>.graph.json` compiles to `<name>.machine.json`.
// A change to the compiler or a node's fragment shows up here as a diff to review; after
// checking it is intended, refresh the files with
//   UPDATE_GOLDEN=1 npx vitest run runtime/test/golden-compile.test.ts

const goldenDir = new URL('./golden/', import.meta.url);
const update = process.env.UPDATE_GOLDEN === '1';
const registry = createNodeRegistry(builtinNodes);
const graphs = readdirSync(goldenDir)
  .filter((file) => file.endsWith('.graph.json'))
  .sort();

describe('golden compile', () => {
  it('has golden graphs to check', () => {
    expect(graphs.length).toBeGreaterThanOrEqual(4);
  });

  it.each(graphs)('%s compiles to its .machine.json', (file) => {
    const doc = flowDocumentSchema.parse(JSON.parse(readFileSync(new URL(file, goldenDir), 'utf8')));
    const machine: unknown = JSON.parse(JSON.stringify(compileFlow(doc, registry)));
    const expectedUrl = new URL(file.replace(/\.graph\.json$/, '.machine.json'), goldenDir);
    if (update) {
      writeFileSync(expectedUrl, JSON.stringify(machine, null, 2) + '\n');
      return;
    }
    expect(
      existsSync(expectedUrl),
      `${expectedUrl.pathname} is missing: run UPDATE_GOLDEN=1 npx vitest run runtime/test/golden-compile.test.ts`,
    ).toBe(true);
    const expected: unknown = JSON.parse(readFileSync(expectedUrl, 'utf8'));
    expect(machine, `compiled ${file} differs from its golden machine (UPDATE_GOLDEN=1 to accept)`).toEqual(
      expected,
    );
  });

  it('compiles deterministically', () => {
    for (const file of graphs) {
      const doc = flowDocumentSchema.parse(JSON.parse(readFileSync(new URL(file, goldenDir), 'utf8')));
      expect(JSON.stringify(compileFlow(doc, registry))).toBe(JSON.stringify(compileFlow(doc, registry)));
    }
  });
});
