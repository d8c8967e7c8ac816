import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendOnlyFlow } from './support/flows.ts';
import { eq } from 'drizzle-orm';
import { contactChannels, contacts, runs } from '@omniflow/db';
import {
  eventually,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';

const orderBot = {
  name: 'Order bot',
  nodes: [
    { id: 'hi', type: 'message.inbound', config: { channel: 'whatsapp', keyword: 'pedido' } },
    {
      id: 'qty',
      type: 'message.ask',
      config: {
        channel: 'whatsapp',
        question: '¿Cuántas unidades quieres?',
        expect: 'number',
        retryText: 'Escribe solo un número, por favor.',
        maxRetries: 1,
        timeout: 'PT1H',
      },
    },
    {
      id: 'ok',
      type: 'message.send',
      config: { channel: 'whatsapp', text: 'Anotado: {{ nodes.qty.output.answer }} unidades' },
    },
    { id: 'sorry', type: 'message.send', config: { channel: 'whatsapp', text: 'Te paso con una persona.' } },
    {
      id: 'save',
      type: 'contact.update',
      config: { channel: 'whatsapp', fields: { units: '{{ nodes.qty.output.answer }}' } },
    },
    { id: 'end', type: 'flow.end', config: { output: { qty: '{{ nodes.qty.output.answer }}' } } },
  ],
  edges: [
    { id: 'e1', from: { node: 'hi', port: 'next' }, to: { node: 'qty' } },
    { id: 'e2', from: { node: 'qty', port: 'answered' }, to: { node: 'ok' } },
    { id: 'e3', from: { node: 'qty', port: 'invalid' }, to: { node: 'sorry' } },
    { id: 'e4', from: { node: 'qty', port: 'timeout' }, to: { node: 'sorry' } },
    { id: 'e5', from: { node: 'ok', port: 'sent' }, to: { node: 'save' } },
    { id: 'e6', from: { node: 'save', port: 'next' }, to: { node: 'end' } },
  ],
};

describe('a chat bot on the sandbox WhatsApp channel', () => {
  let omni: TestOmniflow;

  beforeAll(async () => {
    omni = await startTestOmniflow();
    await publishFlow(omni, orderBot);
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

  it('starts on the keyword, asks again on a reply that is not a number, and finishes on a good one', async () => {
    const first = await write('+34600111000', 'Pedido por favor');
    expect(first.body.outcome).toBe('started');
    const runId = first.body.runId as string;
    await runReaches(omni, runId, ['waiting']);
    expect(await outbound(runId)).toEqual(['¿Cuántas unidades quieres?']);

    expect((await write('+34600111000', 'muchas')).body).toEqual({ outcome: 'delivered', runId });
    await eventually(async () => ((await outbound(runId)).length === 2 ? true : undefined));
    expect(await outbound(runId)).toEqual([
      '¿Cuántas unidades quieres?',
      'Escribe solo un número, por favor.',
    ]);

    await write('+34600111000', '12');
    const done = await runReaches(omni, runId, ['completed', 'failed']);
    expect(done).toMatchObject({ status: 'completed', output: { qty: 12 } });
    expect((await outbound(runId)).at(-1)).toBe('Anotado: 12 unidades');
    expect(done.events.map((e: { type: string }) => e.type)).toEqual(['message', 'message']);
    const [channel] = await omni.handle.db
      .select()
      .from(contactChannels)
      .where(eq(contactChannels.address, '+34600111000'));
    const [contact] = await omni.handle.db.select().from(contacts).where(eq(contacts.id, channel!.contactId));
    expect(contact!.attributes).toEqual({ units: 12 });
    const inbound = await omni.call('GET', `/api/v1/messages?runId=${runId}`);
    expect(inbound.body.items.filter((m: { direction: string }) => m.direction === 'inbound')).toHaveLength(
      3,
    );
  });

  it('shows the messages a run sent and received in its detail, oldest first, with the node that sent each', async () => {
    const runId = (await write('+34600111009', 'Pedido')).body.runId as string;
    await runReaches(omni, runId, ['waiting']);
    await write('+34600111009', '3');
    const detail = await runReaches(omni, runId, ['completed', 'failed']);
    expect(
      detail.messages.map((m: { direction: string; body: { text: string }; nodeId: string | null }) => [
        m.direction,
        m.body.text,
        m.direction === 'outbound' ? typeof m.nodeId : null,
      ]),
    ).toEqual([
      ['inbound', 'Pedido', null],
      ['outbound', '¿Cuántas unidades quieres?', 'string'],
      ['inbound', '3', null],
      ['outbound', 'Anotado: 3 unidades', 'string'],
    ]);
    expect(detail.messages.every((m: { runId: string }) => m.runId === runId)).toBe(true);
  });

  it('tests the draft as a sandbox conversation: the first message starts it, replies reach it', async () => {
    const flowId = (await omni.call('GET', '/api/v1/flows')).body.items.find(
      (f: { name: string }) => f.name === 'Order bot',
    ).id as string;
    const refused = await omni.call('POST', `/api/v1/flows/${flowId}/test-runs`, {
      message: { channel: 'whatsapp' },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('text or a choiceId');

    const started = await omni.call('POST', `/api/v1/flows/${flowId}/test-runs`, {
      message: { channel: 'whatsapp', text: 'Hola' },
    });
    expect(started.status).toBe(201);
    const { id: runId, conversation } = started.body;
    expect(conversation).toMatchObject({
      channel: 'whatsapp',
      address: expect.stringMatching(/^sim-[0-9a-f]{12}$/),
    });
    await runReaches(omni, runId, ['waiting']);
    // The simulator's reply goes through the sandbox like a phone's, to this test run.
    const reply = await write(conversation.address, '7');
    expect(reply.body).toEqual({ outcome: 'delivered', runId });
    const done = await runReaches(omni, runId, ['completed', 'failed']);
    expect(done).toMatchObject({ status: 'completed', version: 0, test: true, output: { qty: 7 } });
    const page = await omni.call('GET', `/api/v1/messages?contact=${conversation.address}&channel=whatsapp`);
    expect(
      page.body.items
        .reverse()
        .map((m: { direction: string; body: { text: string } }) => [m.direction, m.body.text]),
    ).toEqual([
      ['inbound', 'Hola'],
      ['outbound', '¿Cuántas unidades quieres?'],
      ['inbound', '7'],
      ['outbound', 'Anotado: 7 unidades'],
    ]);
  });

  it('gives up after the allowed retries and leaves by invalid', async () => {
    const first = await write('+34600111001', 'pedido');
    const runId = first.body.runId as string;
    await runReaches(omni, runId, ['waiting']);
    await write('+34600111001', 'no sé');
    await eventually(async () => ((await outbound(runId)).length === 2 ? true : undefined));
    await write('+34600111001', 'tampoco');
    await runReaches(omni, runId, ['completed']);
    expect((await outbound(runId)).at(-1)).toBe('Te paso con una persona.');
  });

  it('sends two messages arriving together to one run, and ignores messages no flow takes', async () => {
    const [a, b] = await Promise.all([write('+34600111002', 'pedido'), write('+34600111002', 'pedido')]);
    const ids = new Set([a.body.runId, b.body.runId]);
    expect(ids.size).toBe(1);
    expect([a.body.outcome, b.body.outcome].sort()).toEqual(['delivered', 'started']);
    const runs = await omni.call('GET', `/api/v1/runs?contact=${encodeURIComponent('+34600111002')}`);
    expect(runs.body.items).toHaveLength(1);

    const stray = await write('+34600111003', 'hola');
    expect(stray.body).toEqual({ outcome: 'unrouted', runId: null });
    const recorded = await omni.call('GET', `/api/v1/messages?contact=${encodeURIComponent('+34600111003')}`);
    expect(recorded.body.items).toHaveLength(1);
    const bad = await omni.call('POST', '/api/v1/sandbox/messages', {
      channel: 'fax',
      from: '+34600',
      text: 'x',
    });
    expect(bad.status).toBe(400);
  });

  it('starts a new run when the row of a conversation says it is going but its run has ended', async () => {
    const first = await write('+34600111005', 'pedido');
    const ended = first.body.runId as string;
    await runReaches(omni, ended, ['waiting']);
    await write('+34600111005', '3');
    await runReaches(omni, ended, ['completed']);
    // The row says completed a moment before Temporal closes the workflow (its last progress write
    // comes first): only a closed workflow refuses the signal.
    const [row] = await omni.handle.db
      .select({ workflowId: runs.temporalWorkflowId })
      .from(runs)
      .where(eq(runs.id, ended));
    await omni.temporal.workflow.getHandle(row!.workflowId!).result();
    // A row behind Temporal (its last progress write not in yet): the signal is refused.
    await omni.handle.db.update(runs).set({ status: 'waiting' }).where(eq(runs.id, ended));
    const next = await write('+34600111005', 'pedido');
    expect(next.body.outcome).toBe('started');
    expect(next.body.runId).not.toBe(ended);
  });

  it('opts a number out of a channel on BAJA and back in on ALTA', async () => {
    const sms = (text: string) =>
      omni.call('POST', '/api/v1/sandbox/messages', { channel: 'sms', from: '+34600111004', text });
    expect((await sms('¡Baja!')).body.outcome).toBe('opted-out');
    const flowId = await publishFlow(omni, sendOnlyFlow('Reminder', 'sms', 'Recordatorio'));
    const refused = await omni.call('POST', '/api/v1/runs', { flowId, input: { phone: '+34600111004' } });
    expect(await runReaches(omni, refused.body.id, ['failed', 'completed'])).toMatchObject({
      status: 'failed',
      error: { code: 'OPTED_OUT' },
    });
    expect((await sms('ALTA')).body.outcome).toBe('opted-in');
    const allowed = await omni.call('POST', '/api/v1/runs', { flowId, input: { phone: '+34600111004' } });
    expect((await runReaches(omni, allowed.body.id, ['failed', 'completed'])).status).toBe('completed');
  });
});
