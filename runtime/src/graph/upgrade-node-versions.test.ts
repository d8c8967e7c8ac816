import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { builtinNodes } from '@omniflow/nodes';
import { createNodeRegistry, defineNode } from '@omniflow/nodes/sdk';
import { flowDocumentSchema } from './flow-schema.ts';
import { upgradeNodeVersions } from './upgrade-node-versions.ts';

const greetV2 = defineNode({
  type: 'acme.greet',
  version: 2,
  title: { en: 'Greet', es: 'Saludar' },
  description: { en: 'Greets', es: 'Saluda' },
  category: 'data',
  icon: 'hand',
  ports: ['next'],
  config: z.object({ greeting: z.string() }),
  migrate(config, from) {
    const old = z.object({ text: z.string() }).parse(config);
    return from === 1 ? { greeting: old.text } : config;
  },
  compile: (_node, ctx) => ({ always: { target: ctx.target('next') } }),
});
const registry = createNodeRegistry([...builtinNodes, greetV2]);

const flowWith = (config: Record<string, unknown>, version = 1) =>
  flowDocumentSchema.parse({
    name: 'Greeting',
    nodes: [
      { id: 'start', type: 'flow.start' },
      { id: 'greet', type: 'acme.greet', version, config },
    ],
    edges: [],
  });

describe('upgradeNodeVersions', () => {
  it('migrates a version 1 node to the newest version and says so', () => {
    const { doc, upgrades } = upgradeNodeVersions(flowWith({ text: 'hola' }), registry);
    expect(doc.nodes[1]).toMatchObject({ version: 2, config: { greeting: 'hola' } });
    expect(upgrades).toEqual([{ nodeId: 'greet', type: 'acme.greet', from: 1, to: 2 }]);
  });

  it('leaves nodes already on the newest version, and built-in ones, as they are', () => {
    const flow = flowWith({ greeting: 'hi' }, 2);
    expect(upgradeNodeVersions(flow, registry)).toEqual({ doc: flow, upgrades: [] });
  });

  it('leaves a node whose old config migrate refuses, for validation to name', () => {
    const flow = flowWith({ nothing: true });
    expect(upgradeNodeVersions(flow, registry).upgrades).toEqual([]);
  });
});
