import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinNodes } from './index.ts';
import { buildCatalog } from './sdk/catalog.ts';
import { createNodeRegistry } from './sdk/registry.ts';

interface JsonSchemaObject {
  type?: string;
  properties?: Record<string, { ui?: { widget?: string; label?: { en?: string; es?: string } } }>;
}

const catalog = buildCatalog(builtinNodes);

describe('the builtin nodes in the catalog', () => {
  it('lists every builtin node exactly once', () => {
    const listed = catalog.map((e) => `${e.type}@${e.version}`);
    expect(new Set(listed).size).toBe(listed.length);
    expect(new Set(listed)).toEqual(new Set(builtinNodes.map((d) => `${d.type}@${d.version}`)));
  });

  it.each(builtinNodes.map((d) => [d.type, d] as const))(
    '%s has titles, descriptions and an icon in es and en',
    (type) => {
      const entry = catalog.find((e) => e.type === type)!;
      for (const text of [entry.title, entry.description]) {
        expect(text.en.trim()).not.toBe('');
        expect(text.es.trim()).not.toBe('');
      }
      expect(entry.icon).toMatch(/^[a-z][a-z0-9-]*$/);
    },
  );

  it.each(builtinNodes.map((d) => [d.type] as const))(
    '%s has an object JSON Schema whose every field carries a ui hint with an es/en label',
    (type) => {
      const schema = catalog.find((e) => e.type === type)!.configSchema as JsonSchemaObject & {
        $schema?: string;
      };
      expect(schema.$schema).toContain('json-schema.org');
      expect(schema.type).toBe('object');
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        expect(property.ui, `${type}.${name} has no ui hint`).toBeTypeOf('object');
        expect(property.ui?.label?.en, `${type}.${name} has no English label`).toBeTruthy();
        expect(property.ui?.label?.es, `${type}.${name} has no Spanish label`).toBeTruthy();
      }
    },
  );

  it('describes ports, required ports, waits and triggers', () => {
    const byType = new Map(catalog.map((e) => [e.type, e]));
    expect(byType.get('flow.start')).toMatchObject({ trigger: true, ports: ['next'], dynamicPorts: false });
    expect(byType.get('http.request')).toMatchObject({
      ports: ['success', 'failed'],
      // Unwired, "failed" fails the run at the node, where operations can retry it.
      requiredPorts: [],
    });
    expect(byType.get('logic.wait-for-event')).toMatchObject({ waits: true, requiredPorts: ['timeout'] });
    expect(byType.get('logic.wait')).toMatchObject({ waits: true, trigger: false });
    // A split's ports come from its branches; the catalog shows the fixed one.
    expect(byType.get('logic.split')).toMatchObject({ ports: ['else'], dynamicPorts: true });
  });

  it('describes input shapes: defaults stay optional, required fields are listed', () => {
    const http = catalog.find((e) => e.type === 'http.request')!.configSchema as JsonSchemaObject & {
      required?: string[];
      properties: Record<string, { default?: unknown; enum?: unknown[] }>;
    };
    expect(http.required).toEqual(['url']);
    expect(http.properties.method?.default).toBe('GET');
    expect(http.properties.method?.enum).toContain('POST');
    expect(http.properties.timeout?.default).toBe('PT30S');
  });
});

describe('the builtin nodes in a registry', () => {
  it('holds every builtin node', () => {
    const builtins = createNodeRegistry(builtinNodes);
    for (const type of [
      'flow.start',
      'flow.end',
      'logic.set',
      'logic.split',
      'logic.wait',
      'logic.wait-for-event',
      'http.request',
    ]) {
      expect(builtins.get(type, 1)?.type).toBe(type);
    }
    expect(builtins.all()).toHaveLength(builtinNodes.length);
  });
});

describe('nodes/catalog.json', () => {
  it('matches the node definitions (run `npm run catalog` after changing a node)', () => {
    const committed: unknown = JSON.parse(readFileSync(new URL('../catalog.json', import.meta.url), 'utf8'));
    const generated: unknown = JSON.parse(JSON.stringify(catalog));
    expect(committed, 'nodes/catalog.json is stale: run `npm run catalog` and commit the result').toEqual(
      generated,
    );
  });
});
