import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileNode, testScope } from '../sdk/testing.ts';
import type { ActivityResult, NodeAi } from '../sdk/types.ts';
import { retryAfterMs } from './chat-completions.ts';
import { aiChat } from './chat.node.ts';
import { startFakeOpenAi, type FakeOpenAi } from './testing/fake-openai.ts';

let fake: FakeOpenAi;
let usage: { model: string; promptTokens: number; completionTokens: number }[];

beforeAll(async () => {
  fake = await startFakeOpenAi({ apiKey: 'sk-test' });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.answer = () => ({ content: '{}' });
  usage = [];
});

const ai = (apiKey = 'sk-test'): NodeAi => ({
  provider: () => Promise.resolve({ baseUrl: fake.baseUrl, model: 'small-model', apiKey }),
  recordUsage: (u) => {
    usage.push(u);
    return Promise.resolve();
  },
});

const classify = {
  mode: 'classify',
  intents: [
    { id: 'billing', name: 'Billing', description: 'invoices, charges, refunds' },
    { id: 'support', name: 'Support', description: 'something does not work' },
  ],
};

async function run(
  config: Record<string, unknown>,
  text = 'I was charged twice',
  deps: Partial<{ ai: NodeAi; env: Record<string, string> }> = {},
) {
  const parsed = aiChat.config.parse(config);
  return aiChat.activity!.run(parsed, testScope({ input: { text } }), {
    idempotencyKey: 'run:ai:1',
    signal: new AbortController().signal,
    env: deps.env ?? { OMNIFLOW_AI_BACKOFF_MS: '20' },
    ai: deps.ai ?? ai(),
  }) as Promise<ActivityResult>;
}

describe('ai.chat', () => {
  it('has a port per intent plus other and failed when classifying', () => {
    const fragment = compileNode(aiChat, classify, { billing: 'b', support: 's', other: 'o', failed: 'f' });
    const ports = fragment.invoke?.onDone.map((t) => (t.guard?.params as { port: string }).port);
    expect(ports).toEqual(['billing', 'support', 'other', 'failed']);
    expect(() => aiChat.config.parse({ mode: 'classify', intents: [{ id: 'other', name: 'x' }] })).toThrow();
  });

  it('classifies the message into an intent port, counting tokens', async () => {
    fake.queue({ content: '{"intent":"billing"}', usage: { prompt: 120, completion: 7 } });
    const result = await run(classify);
    expect(result).toMatchObject({ port: 'billing', output: { intent: 'billing', name: 'Billing' } });
    expect(result.input).toEqual({
      mode: 'classify',
      model: 'small-model',
      promptTokens: 120,
      completionTokens: 7,
      requests: 1,
    });
    expect(usage).toEqual([{ model: 'small-model', promptTokens: 120, completionTokens: 7 }]);
    const sent = fake.requests[0]!;
    expect(sent.authorization).toBe('Bearer sk-test');
    expect(sent.messages.at(-1)).toEqual({ role: 'user', content: 'I was charged twice' });
    expect(sent.messages[0]!.content).toContain('billing: Billing — invoices, charges, refunds');
    expect(sent.responseFormat).toMatchObject({
      type: 'json_schema',
      json_schema: { schema: { properties: { intent: { enum: ['billing', 'support', 'other'] } } } },
    });
  });

  it('leaves by other when no intent fits, streaming the answer', async () => {
    fake.queue({ content: '{"intent":"other"}', usage: { prompt: 50, completion: 5 } });
    const result = await run({ ...classify, stream: true }, 'what a nice day');
    expect(result).toMatchObject({ port: 'other', output: { intent: 'other' } });
    expect(fake.requests[0]).toMatchObject({ stream: true, includeUsage: true });
    expect(usage).toEqual([{ model: 'small-model', promptTokens: 50, completionTokens: 5 }]);
  });

  it('extracts typed fields, and the compiled step saves them as variables', async () => {
    const config = {
      mode: 'extract',
      fields: [
        { name: 'orderNumber', type: 'string', description: 'like A-123' },
        { name: 'quantity', type: 'number' },
        { name: 'urgent', type: 'boolean', required: false },
      ],
    };
    fake.queue({ content: '{"orderNumber":"A-123","quantity":2,"urgent":null}' });
    const result = await run(config, 'Order A-123, I need two more');
    expect(result).toMatchObject({
      port: 'next',
      output: { orderNumber: 'A-123', quantity: 2, urgent: null },
    });
    expect(fake.requests[0]!.responseFormat?.json_schema?.schema).toMatchObject({
      required: ['orderNumber', 'quantity', 'urgent'],
      properties: { quantity: { type: ['number', 'null'] } },
    });
    const next = compileNode(aiChat, config, { next: 'n', failed: 'f' }, 'ai').invoke!.onDone[0]!;
    expect(next.actions?.map((a) => a.type)).toEqual([
      'saveOutput',
      'saveAnswerAs',
      'saveAnswerAs',
      'saveAnswerAs',
      expect.any(String),
    ]);
  });

  it('asks once more after a malformed answer, then takes failed', async () => {
    fake.queue({ content: 'Sure! The order is A-1' }, { content: '{"orderNumber": 5}' });
    const result = await run({ mode: 'extract', fields: [{ name: 'orderNumber', type: 'string' }] });
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.messages.at(-1)!.content).toContain('That answer is not valid (it is not JSON)');
    expect(result).toMatchObject({
      port: 'failed',
      fault: { code: 'AI_INVALID_ANSWER', message: expect.stringContaining('orderNumber') as string },
    });
  });

  it('recovers when the second answer is valid', async () => {
    fake.queue({ content: '{"intent":"refunds"}' }, { content: '{"intent":"support"}' });
    expect((await run(classify)).port).toBe('support');
  });

  it('answers from the knowledge, or leaves by other when unsure', async () => {
    const config = { mode: 'answer', knowledge: 'We open Monday to Friday, 9:00 to 18:00.' };
    fake.queue({ content: '{"answered":true,"answer":"From 9:00 to 18:00, Monday to Friday."}' });
    expect(await run(config, 'When do you open?')).toMatchObject({
      port: 'next',
      output: { answer: 'From 9:00 to 18:00, Monday to Friday.' },
    });
    expect(fake.requests[0]!.messages[0]!.content).toContain('We open Monday to Friday');
    fake.queue({ content: '{"answered":false,"answer":""}' });
    expect((await run(config, 'Do you sell bikes?')).port).toBe('other');
  });

  it('waits what Retry-After asks on a 429 and tries again', async () => {
    fake.queue({ status: 429, headers: { 'retry-after': '1' } }, { content: '{"intent":"billing"}' });
    const started = Date.now();
    const result = await run(classify);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(result.port).toBe('billing');
    expect(fake.requests).toHaveLength(2);
  });

  it('retries a 5xx, and fails with the provider’s message when it persists', async () => {
    fake.queue({ status: 503 }, { status: 503 }, { status: 503 });
    const result = await run(classify);
    expect(fake.requests).toHaveLength(3);
    expect(result).toMatchObject({
      port: 'failed',
      fault: { code: 'AI_HTTP_503', message: 'The AI provider answered 503: The server had an error' },
    });
  });

  it('gives up on a timeout after its retries', async () => {
    fake.answer = () => ({ hang: true });
    const result = await run({ ...classify, timeout: 'PT0.2S' });
    expect(fake.requests).toHaveLength(3);
    expect(result).toMatchObject({ port: 'failed', fault: { code: 'AI_TIMEOUT' } });
  });

  it('does not retry a refused key, and says when no provider is set', async () => {
    const refused = await run(classify, 'hi', { ai: ai('sk-wrong') });
    expect(refused).toMatchObject({
      port: 'failed',
      fault: { code: 'AI_HTTP_401', message: 'The AI provider answered 401: Incorrect API key provided.' },
    });
    const none = await run(classify, 'hi', {
      ai: { provider: () => Promise.resolve(undefined), recordUsage: () => Promise.resolve() },
    });
    expect(none).toMatchObject({ port: 'failed', fault: { code: 'AI_NOT_CONFIGURED' } });
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});
