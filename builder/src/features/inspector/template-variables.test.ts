import catalogJson from '@omniflow/nodes/catalog.json';
import type { NodeCategory } from '@omniflow/nodes/sdk';
import { describe, expect, it } from 'vitest';
import type { CatalogEntry, FlowDocument, FlowNodeDoc } from '../../api/types.ts';
import { templateVariables } from './template-variables.ts';

const categories: readonly string[] = ['flow', 'logic', 'http', 'messaging', 'voice', 'email', 'data'];
const isCategory = (value: string): value is NodeCategory => categories.includes(value);
const catalog: CatalogEntry[] = catalogJson.map((entry) => {
  if (!isCategory(entry.category)) throw new Error(entry.category);
  return { ...entry, category: entry.category };
});

const node = (id: string, type: string, config: Record<string, unknown> = {}): FlowNodeDoc => ({
  id,
  type,
  version: 1,
  config,
  position: { x: 0, y: 0 },
});

const flow: FlowDocument = {
  schemaVersion: 1,
  name: 'Order',
  description: '',
  trigger: { node: 'start' },
  nodes: [
    node('start', 'flow.start'),
    node('call', 'http.request', { url: 'https://x.test' }),
    node('set', 'logic.set', {
      assignments: [{ name: 'total', value: 1 }, { name: 'bad name', value: 2 }, {}],
    }),
    node('notify', 'http.request', { url: 'https://y.test' }),
    node('end', 'flow.end'),
  ],
  edges: [
    { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'call' } },
    { id: 'e2', from: { node: 'call', port: 'success' }, to: { node: 'set' } },
    { id: 'e3', from: { node: 'set', port: 'next' }, to: { node: 'end' } },
    { id: 'e4', from: { node: 'call', port: 'failed' }, to: { node: 'notify' } },
  ],
  variables: [
    { name: 'customerId', type: 'string' },
    { name: 'total', type: 'number' },
  ],
};

describe('templateVariables', () => {
  it('offers input, variables, the other nodes’ outputs and the run', () => {
    expect(templateVariables(flow, 'end', catalog)).toEqual([
      'input',
      'vars.customerId',
      'vars.total',
      'nodes.set.output',
      'nodes.call.output',
      'nodes.call.output.status',
      'nodes.call.output.body',
      'nodes.start.output',
      'nodes.notify.output',
      'nodes.notify.output.status',
      'nodes.notify.output.body',
      'run.id',
      'run.startedAt',
    ]);
  });

  it('leaves out the node itself and lists the nodes upstream of it first', () => {
    const variables = templateVariables(flow, 'set', catalog);
    expect(variables).not.toContain('nodes.set.output');
    const nodes = variables.filter((v) => v.startsWith('nodes.') && v.endsWith('.output'));
    expect(nodes).toEqual([
      'nodes.call.output',
      'nodes.start.output',
      'nodes.notify.output',
      'nodes.end.output',
    ]);
  });

  it('collects names assigned by logic.set nodes anywhere in the flow', () => {
    const doc: FlowDocument = {
      ...flow,
      variables: [],
      nodes: [...flow.nodes, node('later', 'logic.set', { assignments: [{ name: 'discount', value: 0.1 }] })],
    };
    expect(templateVariables(doc, 'start', catalog).filter((v) => v.startsWith('vars.'))).toEqual([
      'vars.discount',
      'vars.total',
    ]);
  });

  it('adds output fields only for node types the catalog knows', () => {
    const doc: FlowDocument = {
      ...flow,
      nodes: [node('a', 'flow.start'), { ...node('old', 'http.request'), version: 9 }],
    };
    expect(templateVariables(doc, 'a', catalog)).toEqual([
      'input',
      'vars.customerId',
      'vars.total',
      'nodes.old.output',
      'run.id',
      'run.startedAt',
    ]);
  });
});
