import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildCatalog } from './catalog.ts';
import { defineNode } from './define-node.ts';

interface JsonSchemaObject {
  properties?: Record<string, { ui?: { widget?: string } }>;
}

describe('buildCatalog', () => {
  it('sorts versions of one type and carries the ui meta of a custom node', () => {
    const make = (version: number) =>
      defineNode({
        type: 'acme.ping',
        version,
        title: { en: 'Ping', es: 'Ping' },
        description: { en: 'Pings', es: 'Hace ping' },
        category: 'data',
        icon: 'radio',
        ports: ['next'],
        config: z.object({
          host: z.string().meta({ ui: { widget: 'text', label: { en: 'Host', es: 'Host' } } }),
        }),
        compile: (_node, ctx) => ({ always: { target: ctx.target('next') } }),
      });
    const entries = buildCatalog([make(2), make(1)]);
    expect(entries.map((e) => e.version)).toEqual([1, 2]);
    expect((entries[0]!.configSchema as JsonSchemaObject).properties?.host?.ui?.widget).toBe('text');
  });
});
