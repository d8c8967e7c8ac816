import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../src/server/load-registry.ts';
import { eventually, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

// The example package on disk, named the way an operator would (a path from where `npm start` runs).
const examplePackage = './examples/node-packages/crm-lookup';

function lookupFlow(baseUrl: string) {
  return {
    name: 'Who is writing',
    nodes: [
      { id: 'start', type: 'flow.start', config: {} },
      // Saved by version 1 of the node: a customer id only.
      { id: 'crm', type: 'crm.lookup', version: 1, config: { baseUrl, customerId: '{{ input.customer }}' } },
      { id: 'known', type: 'flow.end', config: { output: { name: '{{ nodes.crm.output.name }}' } } },
      { id: 'unknown', type: 'flow.end', config: { output: { name: 'nobody' } } },
      { id: 'broken', type: 'flow.end', config: { output: { name: 'crm down' } } },
    ],
    edges: [
      { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'crm' } },
      { id: 'e2', from: { node: 'crm', port: 'found' }, to: { node: 'known' } },
      { id: 'e3', from: { node: 'crm', port: 'notFound' }, to: { node: 'unknown' } },
      { id: 'e4', from: { node: 'crm', port: 'failed' }, to: { node: 'broken' } },
    ],
  };
}

describe('loading node packages named in OMNIFLOW_NODE_PACKAGES', () => {
  it('loads a package directory through its package.json, beside the built-in nodes', async () => {
    const registry = await loadRegistry({ OMNIFLOW_NODE_PACKAGES: ` ${examplePackage} ` });
    expect(registry.get('crm.lookup')?.version).toBe(2);
    expect(registry.get('flow.start')).toBeDefined();
  });

  it('refuses a package that exports no node definitions, naming it', async () => {
    const entry = './runtime/test/fixtures/node-packages/no-nodes';
    await expect(loadRegistry({ OMNIFLOW_NODE_PACKAGES: entry })).rejects.toThrow(
      `The node package "${entry}" exports no node definitions`,
    );
  });

  it('refuses a path that is not there', async () => {
    await expect(loadRegistry({ OMNIFLOW_NODE_PACKAGES: './examples/node-packages/nope' })).rejects.toThrow();
  });
});

describe('a flow using the example CRM lookup package, run on Temporal', () => {
  let omni: TestOmniflow;
  let crm: Server;
  let baseUrl: string;

  beforeAll(async () => {
    crm = createServer((req, res) => {
      if (req.headers.authorization !== 'Bearer crm-key') return void res.writeHead(401).end();
      const id = new URL(req.url ?? '/', 'http://crm').searchParams.get('id');
      if (id === 'c-7') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ id, name: 'Marta', email: 'm@example.com', tier: 'gold' }));
      }
      if (id === 'boom') return void res.writeHead(500).end();
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => crm.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(crm.address() as AddressInfo).port}`;
    const registry = await loadRegistry({ OMNIFLOW_NODE_PACKAGES: examplePackage });
    omni = await startTestOmniflow({
      nodes: registry.all().filter((d) => d.type === 'crm.lookup'),
      env: { CRM_API_KEY: 'crm-key', OMNIFLOW_HTTP_ALLOW_PRIVATE: '1' },
    });
  });
  afterAll(async () => {
    await omni?.close();
    crm?.close();
  });

  it('shows the node in the catalog the palette is drawn from, with its form', async () => {
    const res = await omni.call('GET', '/api/v1/nodes', undefined, { 'accept-language': 'es' });
    const entry = res.body.items.find((e: { type: string }) => e.type === 'crm.lookup');
    expect(entry).toMatchObject({ version: 2, category: 'data', title: { es: 'Buscar en el CRM' } });
    expect(JSON.stringify(entry)).toContain('apiKeyVariable');
  });

  async function runWith(flowId: string, customer: string) {
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: { customer } });
    expect(started.status).toBe(201);
    return eventually(async () => {
      const r = await omni.call('GET', `/api/v1/runs/${started.body.id}`);
      return ['completed', 'failed'].includes(r.body.status) ? r.body : undefined;
    });
  }

  it('upgrades a version 1 node when the flow is opened and published, then runs it', async () => {
    const flow = await omni.call('POST', '/api/v1/flows', lookupFlow(baseUrl));
    expect(flow.status).toBe(201);
    const opened = await omni.call('GET', `/api/v1/flows/${flow.body.id}`);
    expect(opened.body.draft.nodes[1]).toMatchObject({
      version: 2,
      config: { baseUrl, lookupBy: 'id', value: '{{ input.customer }}' },
    });
    const published = await omni.call('POST', `/api/v1/flows/${flow.body.id}/publish`, {});
    expect(published.status).toBe(201);
    const version = await omni.call('GET', `/api/v1/flows/${flow.body.id}/versions/1`);
    expect(version.body.graph.nodes[1]).toMatchObject({ version: 2, config: { lookupBy: 'id' } });

    const found = await runWith(flow.body.id, 'c-7');
    expect(found.output).toEqual({ name: 'Marta' });
    const notFound = await runWith(flow.body.id, 'c-0');
    expect(notFound.output).toEqual({ name: 'nobody' });
    const failing = await runWith(flow.body.id, 'boom');
    expect(failing.output).toEqual({ name: 'crm down' });
    expect(failing.steps.find((s: { nodeId: string }) => s.nodeId === 'crm')).toMatchObject({
      port: 'failed',
      output: { status: 500 },
    });
  });
});
