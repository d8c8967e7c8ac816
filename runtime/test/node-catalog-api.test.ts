import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

// The builder draws node cards and node help only from GET /nodes: what the definitions declare
// must reach it whole.
describe('GET /api/v1/nodes: what node cards and help are drawn from', () => {
  let omni: TestOmniflow;
  beforeAll(async () => {
    omni = await startTestOmniflow({ worker: false });
  }, 120_000);
  afterAll(async () => omni?.close());

  it('gives each node its summary, its ports explained in es/en and its icon', async () => {
    const res = await omni.call('GET', '/api/v1/nodes');
    expect(res.status).toBe(200);
    const menu = res.body.items.find((e: { type: string }) => e.type === 'voice.menu');
    expect(menu).toMatchObject({
      icon: 'grid-3x3',
      summary: [
        { field: 'recordedPrompt' },
        { field: 'prompt' },
        { rows: 'options', show: ['digit', 'label'] },
      ],
      rowPortDescription: { es: 'Quien llama pulsó la tecla de esta opción.' },
    });
    expect(menu.portDescriptions.map((d: { port: string }) => d.port)).toEqual(['timeout', 'invalid']);
    const hangup = res.body.items.find((e: { type: string }) => e.type === 'voice.hangup');
    expect(hangup.summary).toEqual([]);
  });

  it('is for signed-in callers only', async () => {
    const res = await omni.app.request('/api/v1/nodes');
    expect(res.status).toBe(401);
  });
});
