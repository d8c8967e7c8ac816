import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineNode, portsOf, rowPorts } from './define-node.ts';
import { createNodeRegistry } from './registry.ts';
import type { AnyNodeDefinition } from './types.ts';

function fakeNode(type: string, version: number): AnyNodeDefinition {
  return defineNode({
    type,
    version,
    title: { en: type, es: type },
    description: { en: `v${version}`, es: `v${version}` },
    category: 'data',
    icon: 'box',
    ports: ['next'],
    config: z.object({}),
    compile: (_node, ctx) => ({ always: { target: ctx.target('next') } }),
  }) as AnyNodeDefinition;
}

describe('createNodeRegistry', () => {
  const v1 = fakeNode('acme.lookup', 1);
  const v3 = fakeNode('acme.lookup', 3);
  const v2 = fakeNode('acme.lookup', 2);
  const other = fakeNode('acme.other', 1);
  const registry = createNodeRegistry([v1, v3, v2, other]);

  it('finds a definition by type and version', () => {
    expect(registry.get('acme.lookup', 2)).toBe(v2);
    expect(registry.get('acme.lookup', 1)).toBe(v1);
  });

  it('gives the highest version when no version is asked, whatever the order of registration', () => {
    expect(registry.get('acme.lookup')).toBe(v3);
    expect(registry.latest('acme.lookup')).toBe(v3);
  });

  it('gives undefined for an unknown type or version', () => {
    expect(registry.get('acme.lookup', 4)).toBeUndefined();
    expect(registry.get('acme.missing')).toBeUndefined();
    expect(registry.latest('acme.missing')).toBeUndefined();
  });

  it('lists every version of every type', () => {
    expect(registry.all()).toHaveLength(4);
    expect(new Set(registry.all())).toEqual(new Set([v1, v2, v3, other]));
  });

  it('refuses a type and version defined twice (a package may not shadow another)', () => {
    expect(() => createNodeRegistry([v1, fakeNode('acme.lookup', 1)])).toThrow(
      /acme\.lookup@1 is defined twice/,
    );
  });
});

describe('defineNode', () => {
  it.each(['Sms.send', 'sms', 'sms.', '.send', 'sms send', 'sms.Send'])('rejects the type %j', (type) => {
    expect(() => fakeNode(type, 1)).toThrow(/must look like "category.name"/);
  });

  it.each([0, -1, 1.5])('rejects version %s', (version) => {
    expect(() => fakeNode('acme.lookup', version)).toThrow(/version must be a positive integer/);
  });

  it('accepts dashed and multi-part types', () => {
    expect(fakeNode('acme.crm.find-contact', 1).type).toBe('acme.crm.find-contact');
  });
});

describe('portsOf', () => {
  it('returns fixed ports as a fresh array', () => {
    const node = fakeNode('acme.lookup', 1);
    const ports = portsOf(node, {});
    expect(ports).toEqual(['next']);
    ports.push('mutated');
    expect(portsOf(node, {})).toEqual(['next']);
  });

  it('derives dynamic ports from the config', () => {
    const split = defineNode({
      type: 'acme.route',
      version: 1,
      title: { en: 'Route', es: 'Ruta' },
      description: { en: 'Routes', es: 'Enruta' },
      category: 'logic',
      icon: 'split',
      ports: rowPorts('branches', ['else']),
      config: z.object({ branches: z.array(z.object({ id: z.string() })) }),
      compile: (_node, ctx) => ({ always: { target: ctx.target('else') } }),
    });
    const config = split.config.parse({ branches: [{ id: 'yes' }, { id: 'maybe' }] });
    expect(portsOf(split, config)).toEqual(['yes', 'maybe', 'else']);
  });
});
