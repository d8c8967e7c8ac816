import { describe, expect, it } from 'vitest';
import { scriptContextTypes, schemaType } from './script-context-types.ts';
import { testCatalog } from '../canvas/test-catalog.ts';
import type { FlowDocument } from '../../api/types.ts';

describe('scriptContextTypes', () => {
  it('types a JSON Schema as TypeScript', () => {
    expect(
      schemaType({
        type: 'object',
        properties: {
          status: { type: 'number' },
          tags: { type: 'array', items: { type: 'string' } },
          kind: { enum: ['a', 'b'] },
        },
        required: ['status'],
        additionalProperties: false,
      }),
    ).toBe('{ status: number; tags?: Array<string>; kind?: "a" | "b" }');
    expect(schemaType(undefined)).toBe('any');
  });

  it('declares input, vars and the outputs of the nodes before the code node only', () => {
    const doc = {
      schemaVersion: 1,
      name: 'f',
      variables: [{ name: 'customer' }],
      nodes: [
        { id: 'start', type: 'flow.start', version: 1, config: {} },
        { id: 'call', type: 'http.request', version: 1, config: { url: 'https://x.test' } },
        { id: 'code', type: 'logic.code', version: 1, config: { code: '' } },
        { id: 'after', type: 'http.request', version: 1, config: { url: 'https://x.test' } },
      ],
      edges: [
        { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'call' } },
        { id: 'e2', from: { node: 'call', port: 'success' }, to: { node: 'code' } },
        { id: 'e3', from: { node: 'code', port: 'next' }, to: { node: 'after' } },
      ],
    } as unknown as FlowDocument;
    const types = scriptContextTypes(doc, 'code', testCatalog);
    expect(types).toContain('declare const input:');
    expect(types).toMatch(/call: \{ output: \{ status: number;/);
    expect(types).not.toContain('after:');
    expect(types).toContain('customer?: any;');
    expect(types).toContain('declare const run: { id: string;');
  });
});
