import { eq } from 'drizzle-orm';
import { aiUsage } from '@omniflow/db';
import { startFakeOpenAi, type FakeOpenAi } from '@omniflow/nodes/ai/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

type Step = { nodeId: string; port: string; output: unknown; input: unknown };

const classifyFlow = {
  name: 'Sort the message',
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    {
      id: 'sort',
      type: 'ai.chat',
      config: {
        mode: 'classify',
        intents: [
          { id: 'billing', name: 'Billing', description: 'invoices and charges' },
          { id: 'support', name: 'Support' },
        ],
      },
    },
    {
      id: 'bill',
      type: 'flow.end',
      config: { output: { went: 'billing', intent: '{{ nodes.sort.output.intent }}' } },
    },
    { id: 'help', type: 'flow.end', config: { output: { went: 'support' } } },
    { id: 'else', type: 'flow.end', config: { output: { went: 'other' } } },
    {
      id: 'ko',
      type: 'flow.end',
      config: { output: { went: 'failed', why: '{{ nodes.sort.output.error }}' } },
    },
  ],
  edges: [
    { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'sort' } },
    { id: 'e2', from: { node: 'sort', port: 'billing' }, to: { node: 'bill' } },
    { id: 'e3', from: { node: 'sort', port: 'support' }, to: { node: 'help' } },
    { id: 'e4', from: { node: 'sort', port: 'other' }, to: { node: 'else' } },
    { id: 'e5', from: { node: 'sort', port: 'failed' }, to: { node: 'ko' } },
  ],
};

// Extract into variables, then a code node computes from them; its failure has a port too.
const extractFlow = {
  name: 'Take an order',
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    {
      id: 'read',
      type: 'ai.chat',
      config: {
        mode: 'extract',
        stream: true,
        fields: [
          { name: 'product', type: 'string' },
          { name: 'quantity', type: 'number' },
        ],
      },
    },
    {
      id: 'price',
      type: 'logic.code',
      config: {
        language: 'typescript',
        code: `const unit: number = input.prices[vars.product];
if (unit === undefined) throw new Error('no price for ' + vars.product);
console.log('pricing', vars.product);
return { total: unit * vars.quantity, from: nodes.read.output.product };`,
      },
    },
    { id: 'done', type: 'flow.end', config: { output: { total: '{{ nodes.price.output.total }}' } } },
    { id: 'nope', type: 'flow.end', config: { output: { error: '{{ nodes.price.output.error }}' } } },
    { id: 'ko', type: 'flow.end', config: { output: { failed: 'ai' } } },
  ],
  edges: [
    { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'read' } },
    { id: 'e2', from: { node: 'read', port: 'next' }, to: { node: 'price' } },
    { id: 'e3', from: { node: 'read', port: 'failed' }, to: { node: 'ko' } },
    { id: 'e4', from: { node: 'price', port: 'next' }, to: { node: 'done' } },
    { id: 'e5', from: { node: 'price', port: 'failed' }, to: { node: 'nope' } },
  ],
};

const answerFlow = {
  name: 'Answer questions',
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    {
      id: 'faq',
      type: 'ai.chat',
      config: { mode: 'answer', knowledge: 'Shipping takes 3 days. Returns are free for 30 days.' },
    },
    { id: 'said', type: 'flow.end', config: { output: { answer: '{{ nodes.faq.output.answer }}' } } },
    { id: 'human', type: 'flow.end', config: { output: { answer: 'a person will write back' } } },
    { id: 'ko', type: 'flow.end', config: { output: { answer: 'failed' } } },
  ],
  edges: [
    { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'faq' } },
    { id: 'e2', from: { node: 'faq', port: 'next' }, to: { node: 'said' } },
    { id: 'e3', from: { node: 'faq', port: 'other' }, to: { node: 'human' } },
    { id: 'e4', from: { node: 'faq', port: 'failed' }, to: { node: 'ko' } },
  ],
};

describe.skipIf(!inject('postgresUrl'))('AI and code nodes inside running flows', () => {
  let omni: TestOmniflow;
  let fake: FakeOpenAi;
  const flowIds = new Map<string, string>();

  beforeAll(async () => {
    fake = await startFakeOpenAi({ apiKey: 'sk-flow' });
    omni = await startTestOmniflow({ db: 'postgres', env: { OMNIFLOW_AI_BACKOFF_MS: '20' } });
    const saved = await omni.call('PUT', '/api/v1/workspace/ai-provider', {
      baseUrl: fake.baseUrl,
      model: 'local-model',
      apiKey: 'sk-flow',
    });
    expect(saved).toMatchObject({ status: 200, body: { model: 'local-model', hasApiKey: true } });
    for (const flow of [classifyFlow, extractFlow, answerFlow]) {
      const created = await omni.call('POST', '/api/v1/flows', flow);
      expect(created.status).toBe(201);
      const published = await omni.call('POST', `/api/v1/flows/${created.body.id}/publish`, {});
      expect(published.status).toBe(201);
      flowIds.set(flow.name, created.body.id as string);
    }
  });
  afterAll(async () => {
    await omni?.close();
    await fake?.close();
  });

  async function run(flow: { name: string }, input: object) {
    const started = await omni.call('POST', '/api/v1/runs', { flowId: flowIds.get(flow.name), input });
    expect(started.status).toBe(201);
    return eventually(async () => {
      const r = await omni.call('GET', `/api/v1/runs/${started.body.id}`);
      return r.body.status === 'completed' || r.body.status === 'failed' ? r.body : undefined;
    });
  }

  it('never answers the saved key back', async () => {
    const read = await omni.call('GET', '/api/v1/workspace/ai-provider');
    expect(read.body).toEqual({
      baseUrl: fake.baseUrl,
      model: 'local-model',
      hasApiKey: true,
      updatedAt: expect.any(String),
    });
    expect(JSON.stringify(read.body)).not.toContain('sk-flow');
    const bad = await omni.call('PUT', '/api/v1/workspace/ai-provider', { baseUrl: 'not a url', model: 'm' });
    expect(bad.status).toBe(400);
  });

  it('classifies into the intent port and stores the tokens for reports', async () => {
    fake.queue({ content: '{"intent":"billing"}', usage: { prompt: 80, completion: 6 } });
    const result = await run(classifyFlow, { text: 'Why was I charged twice?' });
    expect(result.output).toEqual({ went: 'billing', intent: 'billing' });
    expect(fake.requests.at(-1)!.messages.at(-1)!.content).toBe('Why was I charged twice?');
    const rows = await omni.handle.db
      .select()
      .from(aiUsage)
      .where(eq(aiUsage.runId, result.id as string));
    expect(rows).toMatchObject([
      {
        nodeId: 'sort',
        model: 'local-model',
        promptTokens: 80,
        completionTokens: 6,
        flowId: flowIds.get(classifyFlow.name),
      },
    ]);
  });

  it('takes failed after a malformed answer was asked again and still malformed', async () => {
    fake.queue({ content: 'billing!' }, { content: '{"intent": 3}' });
    const result = await run(classifyFlow, { text: 'hmm' });
    expect(result.output).toMatchObject({ went: 'failed' });
    expect((result.output as { why: string }).why).toMatch(/unusable twice/);
  });

  it('retries a 429 after its Retry-After', async () => {
    fake.queue({ status: 429, headers: { 'retry-after': '1' } }, { content: '{"intent":"other"}' });
    const result = await run(classifyFlow, { text: 'nice weather' });
    expect(result.output).toEqual({ went: 'other' });
  });

  it('extracts (streamed) into variables a TypeScript code node computes from', async () => {
    fake.queue({ content: '{"product":"tea","quantity":3}', usage: { prompt: 40, completion: 9 } });
    const result = await run(extractFlow, { text: 'three teas please', prices: { tea: 2.5 } });
    expect(result.output).toEqual({ total: 7.5 });
    const price = (result.steps as Step[]).find((s) => s.nodeId === 'price')!;
    expect(price.output).toEqual({ total: 7.5, from: 'tea' });
    expect(price.input).toEqual({ language: 'typescript', logs: ['pricing tea'] });
    expect(fake.requests.at(-1)).toMatchObject({ stream: true, includeUsage: true });
  });

  it('sends what the code threw out of its failed port', async () => {
    fake.queue({ content: '{"product":"coffee","quantity":1}' });
    const result = await run(extractFlow, { text: 'a coffee', prices: { tea: 2.5 } });
    expect(result.output).toEqual({ error: 'no price for coffee (line 2)' });
  });

  it('answers from the knowledge, or falls back when unsure', async () => {
    fake.queue({ content: '{"answered":true,"answer":"It takes 3 days."}' });
    expect((await run(answerFlow, { text: 'How long is shipping?' })).output).toEqual({
      answer: 'It takes 3 days.',
    });
    expect(fake.requests.at(-1)!.messages[0]!.content).toContain('Shipping takes 3 days.');
    fake.queue({ content: '{"answered":false,"answer":""}' });
    expect((await run(answerFlow, { text: 'Do you sell cars?' })).output).toEqual({
      answer: 'a person will write back',
    });
  });

  it('takes failed when the provider does not answer in time', async () => {
    fake.answer = () => ({ hang: true });
    const slow = {
      ...answerFlow,
      name: 'Slow answer',
      nodes: answerFlow.nodes.map((n) =>
        n.id === 'faq' ? { ...n, config: { ...n.config, timeout: 'PT0.3S' } } : n,
      ),
    };
    const created = await omni.call('POST', '/api/v1/flows', slow);
    await omni.call('POST', `/api/v1/flows/${created.body.id}/publish`, {});
    flowIds.set(slow.name, created.body.id as string);
    const result = await run(slow, { text: 'anyone?' });
    fake.answer = () => ({ content: '{}' });
    expect(result.output).toEqual({ answer: 'failed' });
    const step = (result.steps as Step[]).find((s) => s.nodeId === 'faq')!;
    expect(step.output).toEqual({ error: 'The AI provider did not answer within 300 ms' });
  });
});
