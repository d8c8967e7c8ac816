import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';

// A bot whose question leaves the error text to its default: what the citizen reads on a reply that
// does not fit must be in the flow's language.
const bot = (keyword: string, language?: 'es' | 'en') => ({
  name: `Bot ${keyword}`,
  ...(language ? { language } : {}),
  nodes: [
    { id: 'hi', type: 'message.inbound', config: { channel: 'whatsapp', keyword } },
    {
      id: 'qty',
      type: 'message.ask',
      config: { channel: 'whatsapp', question: 'N?', expect: 'number', maxRetries: 1, timeout: 'PT1H' },
    },
    { id: 'end', type: 'flow.end', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'hi', port: 'next' }, to: { node: 'qty' } },
    { id: 'e2', from: { node: 'qty', port: 'answered' }, to: { node: 'end' } },
    { id: 'e3', from: { node: 'qty', port: 'invalid' }, to: { node: 'end' } },
    { id: 'e4', from: { node: 'qty', port: 'timeout' }, to: { node: 'end' } },
  ],
});

describe('default texts follow the flow’s language', () => {
  let omni: TestOmniflow;

  beforeAll(async () => {
    omni = await startTestOmniflow();
    await publishFlow(omni, bot('cita', 'es'));
    await publishFlow(omni, bot('appointment', 'en'));
    await publishFlow(omni, bot('legacy'));
  });
  afterAll(async () => omni?.close());

  const write = (from: string, text: string) =>
    omni.call('POST', '/api/v1/sandbox/messages', { channel: 'whatsapp', from, text });
  const outbound = async (runId: string) => {
    const page = await omni.call('GET', `/api/v1/messages?runId=${runId}`);
    return page.body.items
      .filter((m: { direction: string }) => m.direction === 'outbound')
      .map((m: { body: { text: string } }) => m.body.text)
      .reverse();
  };

  /** What the bot answers to a reply that is not a number. */
  async function retryTextFor(from: string, keyword: string): Promise<string> {
    const first = await write(from, keyword);
    expect(first.body.outcome).toBe('started');
    const runId = first.body.runId as string;
    await runReaches(omni, runId, ['waiting']);
    await write(from, 'muchas');
    const sent = await eventually(async () => {
      const texts = await outbound(runId);
      return texts.length === 2 ? texts : undefined;
    });
    return sent[1]!;
  }

  it('asks again in Spanish in an es flow: never "Sorry, I did not understand that."', async () => {
    const text = await retryTextFor('+34600222000', 'cita');
    expect(text).toBe('Perdone, no le he entendido. N?');
  });

  it('asks again in English in an en flow', async () => {
    expect(await retryTextFor('+34600222001', 'appointment')).toBe('Sorry, I did not understand that. N?');
  });

  it('keeps the node’s default for a flow saved before flows had a language', async () => {
    expect(await retryTextFor('+34600222002', 'legacy')).toBe('Sorry, I did not understand that. N?');
  });

  it('refuses a language it has no texts for, naming the field', async () => {
    const saved = await omni.call('POST', '/api/v1/flows', { ...bot('fr'), language: 'fr' });
    expect(saved.status).toBe(400);
    expect(JSON.stringify(saved.body)).toContain('language');
  });
});
