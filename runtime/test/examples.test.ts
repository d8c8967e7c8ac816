import { readdirSync, readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { contactChannels, contacts } from '@omniflow/db';
import { builtinNodes } from '@omniflow/nodes';
import { createNodeRegistry } from '@omniflow/nodes/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowDocumentSchema } from '../src/graph/flow-schema.ts';
import { validateFlow } from '../src/graph/validate-flow.ts';
import {
  eventually,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';

const dir = new URL('../../examples/flows/', import.meta.url);
const examples = readdirSync(dir).filter((f) => f.endsWith('.json'));
const example = (file: string) => JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as object;

describe('example flows', () => {
  it.each(examples)('%s is a valid flow with no warnings', (file) => {
    const result = validateFlow(flowDocumentSchema.parse(example(file)), createNodeRegistry(builtinNodes));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

describe('the order status bot example, on the sandbox channels', () => {
  let omni: TestOmniflow;
  beforeAll(async () => {
    omni = await startTestOmniflow();
    await publishFlow(omni, example('order-status-bot.json'));
  });
  afterAll(async () => omni?.close());

  const write = (channel: string, from: string, reply: { text?: string; choiceId?: string }) =>
    omni.call('POST', '/api/v1/sandbox/messages', { channel, from, ...reply });
  const botSaid = async (channel: string, contact: string) => {
    const page = await omni.call(
      'GET',
      `/api/v1/messages?contact=${encodeURIComponent(contact)}&channel=${channel}`,
    );
    return page.body.items
      .filter((m: { direction: string }) => m.direction === 'outbound')
      .map((m: { body: { text: string; buttons?: { title: string }[] } }) => m.body)
      .reverse();
  };

  it('gives an order’s status on WhatsApp, with buttons, and remembers the order on the contact', async () => {
    const from = '+34600777001';
    const started = await write('whatsapp', from, { text: 'Pedido' });
    expect(started.body.outcome).toBe('started');
    const runId = started.body.runId as string;
    await runReaches(omni, runId, ['waiting']);
    expect((await botSaid('whatsapp', from))[0]).toMatchObject({
      text: '¡Hola! ¿En qué te ayudo?',
      buttons: [{ title: 'Estado de mi pedido' }, { title: 'Hablar con alguien' }],
    });
    await write('whatsapp', from, { choiceId: 'status', text: 'Estado de mi pedido' });
    await eventually(async () => ((await botSaid('whatsapp', from)).length === 2 ? true : undefined));
    await write('whatsapp', from, { text: 'el 12345' });
    await eventually(async () => ((await botSaid('whatsapp', from)).length === 3 ? true : undefined));
    await write('whatsapp', from, { text: '12345' });
    const done = await runReaches(omni, runId, ['completed', 'failed']);
    expect(done).toMatchObject({ status: 'completed', output: { order: 12345 } });
    expect((await botSaid('whatsapp', from)).map((b: { text: string }) => b.text)).toEqual([
      '¡Hola! ¿En qué te ayudo?',
      'Escribe tu número de pedido (solo cifras).',
      'Solo cifras, por favor: por ejemplo 12345.',
      'Tu pedido 12345 está en camino y llega mañana. ¡Gracias!',
    ]);
    const [channel] = await omni.handle.db
      .select()
      .from(contactChannels)
      .where(and(eq(contactChannels.address, from), eq(contactChannels.channel, 'whatsapp')));
    const [contact] = await omni.handle.db.select().from(contacts).where(eq(contacts.id, channel!.contactId));
    expect(contact!.attributes).toEqual({ lastOrder: 12345 });
  });

  it('answers the same flow on SMS, where the person picks an option by its number, and hands over', async () => {
    const from = '+34600777002';
    const runId = (await write('sms', from, { text: 'pedido' })).body.runId as string;
    await runReaches(omni, runId, ['waiting']);
    await write('sms', from, { text: '2' });
    const conversation = await eventually(async () => {
      const queue = await omni.call('GET', '/api/v1/conversations?queue=pedidos');
      return queue.body.items.find((c: { contactAddress: string }) => c.contactAddress === from);
    });
    expect(conversation).toMatchObject({ channel: 'sms', runId, status: 'agent' });
    await omni.call('POST', `/api/v1/conversations/${conversation.id}/close`, {});
    const done = await runReaches(omni, runId, ['completed', 'failed']);
    expect(done.status).toBe('completed');
    expect(done.steps.map((s: { nodeId: string }) => s.nodeId)).toEqual([
      'hi',
      'menu',
      'route',
      'human',
      'end',
    ]);
  });
});
