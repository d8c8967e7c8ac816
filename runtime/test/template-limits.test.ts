import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

/** start → one node → end: a flow whose only work is the node given. */
function oneNodeFlow(name: string, node: { id: string; type: string; config: object }, port: string) {
  return {
    name,
    nodes: [
      { id: 'start', type: 'flow.start', config: {} },
      node,
      { id: 'end', type: 'flow.end', config: {} },
    ],
    edges: [
      { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: node.id } },
      { id: 'e2', from: { node: node.id, port }, to: { node: 'end' } },
    ],
  };
}

describe('templates in a running flow', () => {
  let omni: TestOmniflow;

  beforeAll(async () => {
    omni = await startTestOmniflow();
  });
  afterAll(async () => omni?.close());

  async function run(flow: object) {
    const created = await omni.call('POST', '/api/v1/flows', flow);
    expect(created.status).toBe(201);
    const published = await omni.call('POST', `/api/v1/flows/${created.body.id}/publish`, {});
    expect(published.status).toBe(201);
    const started = await omni.call('POST', '/api/v1/runs', { flowId: created.body.id, input: {} });
    expect(started.status).toBe(201);
    return eventually(async () => {
      const r = await omni.call('GET', `/api/v1/runs/${started.body.id}`);
      return r.body.status === 'running' ? undefined : r.body;
    });
  }

  it('fails the run with TEMPLATE_LIMIT when a workflow-side loop runs away', async () => {
    const started = Date.now();
    const result = await run(
      oneNodeFlow(
        'Runaway loop',
        {
          id: 'spin',
          type: 'logic.set',
          config: { assignments: [{ name: 'x', value: '{% for i in (1..10000000) %}x{% endfor %}' }] },
        },
        'next',
      ),
    );
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ code: 'TEMPLATE_LIMIT', nodeId: 'spin' });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('fails the run with TEMPLATE_LIMIT when nested loops over data run away in the workflow', async () => {
    const result = await run(
      oneNodeFlow(
        'Nested loops',
        {
          id: 'spin',
          type: 'logic.set',
          config: {
            assignments: [
              {
                name: 'x',
                value:
                  '{% for a in (1..300) %}{% for b in (1..300) %}{% for c in (1..300) %}{% endfor %}{% endfor %}{% endfor %}',
              },
            ],
          },
        },
        'next',
      ),
    );
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ code: 'TEMPLATE_LIMIT', nodeId: 'spin' });
  });

  it('fails an activity at once with TEMPLATE_FILE_ACCESS for an include, sending no file', async () => {
    const result = await run(
      oneNodeFlow(
        'Include a server file',
        {
          id: 'call',
          type: 'http.request',
          config: { method: 'POST', url: 'http://example.invalid/', body: "{% include 'package.json' %}" },
        },
        'success',
      ),
    );
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ code: 'TEMPLATE_FILE_ACCESS', nodeId: 'call' });
    expect(JSON.stringify(result)).not.toContain('"workspaces"');
  });
});
