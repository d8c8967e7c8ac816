import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishFlow, runReaches, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

// The golden A/B graph: 30 % "short", 70 % "friendly", each ending with the branch it took.
const graph = JSON.parse(readFileSync(new URL('./golden/ab-split.graph.json', import.meta.url), 'utf8'));

/** logic.ab-split in flowRun on a real Temporal server: its guard runs in the workflow. */
describe('a flow with an A/B split', () => {
  let omni: TestOmniflow;
  let flowId: string;

  beforeAll(async () => {
    omni = await startTestOmniflow();
    flowId = await publishFlow(omni, graph);
  }, 60_000);
  afterAll(async () => omni?.close());

  async function branchOf(input: object): Promise<string> {
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input });
    expect(started.status).toBe(201);
    const run = await runReaches(omni, started.body.id, ['completed', 'failed']);
    expect(run.status).toBe('completed');
    return (run.output as { wording: string }).wording;
  }

  it('sends the same person down the same branch in every run', async () => {
    const branches = new Set<string>();
    for (let i = 0; i < 4; i++) branches.add(await branchOf({ phone: '+51911222333' }));
    expect(branches.size).toBe(1);
  }, 60_000);

  it('splits runs of different people between both branches', async () => {
    const branches = await Promise.all(
      Array.from({ length: 16 }, (_, i) => branchOf({ email: `persona${i}@example.test` })),
    );
    expect(new Set(branches)).toEqual(new Set(['short', 'friendly']));
  }, 60_000);

  it('refuses to publish shares that do not add up to 100', async () => {
    const bad = structuredClone(graph);
    bad.nodes[1].config.branches[1].share = 60;
    const created = await omni.call('POST', '/api/v1/flows', bad);
    const published = await omni.call('POST', `/api/v1/flows/${created.body.id}/publish`, {});
    expect(published.status).toBe(422);
    expect(JSON.stringify(published.body)).toContain('The shares add up to 90 %: make them add up to 100 %');
  });
});
