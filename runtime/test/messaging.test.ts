import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactChannels, contacts, messages, newId } from '@omniflow/db';
import { createMessagingService } from '../src/messaging/messaging-service.ts';
import { sandboxDrivers } from '../src/messaging/sandbox-drivers.ts';
import {
  eventually,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';

const greeter = {
  name: 'Greeter',
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    {
      id: 'hello',
      type: 'message.send',
      config: { channel: 'sms', text: 'Hola {{ input.name }}, tu pedido está listo' },
    },
    { id: 'end', type: 'flow.end', config: { output: { segments: '{{ nodes.hello.output.segments }}' } } },
  ],
  edges: [
    { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'hello' } },
    { id: 'e2', from: { node: 'hello', port: 'sent' }, to: { node: 'end' } },
  ],
};

describe('messages sent by flows (sandbox channels)', () => {
  let omni: TestOmniflow;
  let flowId: string;

  beforeAll(async () => {
    omni = await startTestOmniflow();
    flowId = await publishFlow(omni, greeter);
  });
  afterAll(async () => omni?.close());

  it('records each message a run sends, with its delivery status', async () => {
    const started = await omni.call('POST', '/api/v1/runs', {
      flowId,
      input: { from: '+34600111222', name: 'Ana' },
    });
    const run = await runReaches(omni, started.body.id, ['completed', 'failed']);
    expect(run.status).toBe('completed');
    expect(run.output).toEqual({ segments: 1 });
    const listed = await eventually(async () => {
      const page = await omni.call('GET', `/api/v1/messages?runId=${started.body.id}`);
      return page.body.items[0]?.status === 'delivered' ? page.body : undefined;
    });
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({
      channel: 'sms',
      direction: 'outbound',
      contactAddress: '+34600111222',
      nodeId: 'hello',
      body: { text: 'Hola Ana, tu pedido está listo' },
    });
    expect(listed.items[0].statusHistory.map((s: { status: string }) => s.status)).toEqual([
      'queued',
      'sent',
      'delivered',
    ]);
    const byContact = await omni.call('GET', '/api/v1/messages?contact=%2B34600111222&status=delivered');
    expect(byContact.body.items).toHaveLength(1);
    const bad = await omni.call('GET', '/api/v1/messages?status=lost');
    expect(bad.status).toBe(400);
  });

  it('fails the run at the node, sending nothing, when the person opted out', async () => {
    const workspace = (await omni.handle.db.query.workspaces.findFirst())!;
    const contactId = newId();
    await omni.handle.db.insert(contacts).values({ id: contactId, workspaceId: workspace.id });
    await omni.handle.db.insert(contactChannels).values({
      id: newId(),
      workspaceId: workspace.id,
      contactId,
      channel: 'sms',
      address: '+34600999888',
      optedOutAt: new Date(),
      optOutKeyword: 'BAJA',
    });
    const started = await omni.call('POST', '/api/v1/runs', {
      flowId,
      input: { from: '+34600999888', name: 'Luis' },
    });
    const run = await runReaches(omni, started.body.id, ['completed', 'failed']);
    expect(run).toMatchObject({ status: 'failed', failedNodeId: 'hello', error: { code: 'OPTED_OUT' } });
    const [row] = await omni.handle.db.select().from(messages).where(eq(messages.runId, started.body.id));
    expect(row).toMatchObject({ status: 'failed', errorCode: 'OPTED_OUT', providerMessageId: null });
  });

  it('never sends twice for one idempotency key, and applies statuses only forward', async () => {
    const drivers = sandboxDrivers();
    let sends = 0;
    const original = drivers.whatsapp.send.bind(drivers.whatsapp);
    drivers.whatsapp.send = async (m) => {
      sends++;
      return original(m);
    };
    const service = createMessagingService({ db: omni.handle.db, drivers });
    const started = await omni.call('POST', '/api/v1/runs', {
      flowId,
      input: { from: '+34600000001', name: 'x' },
    });
    const step = { runId: started.body.id, nodeId: 'manual', idempotencyKey: `${started.body.id}:manual:9` };
    const first = await service.forStep(step).send('whatsapp', { to: '+34600000001', text: 'uno' });
    const again = await service.forStep(step).send('whatsapp', { to: '+34600000001', text: 'uno' });
    expect(again).toEqual(first);
    expect(sends).toBe(1);

    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
    await service.applyStatus('whatsapp', {
      providerMessageId: first.providerMessageId,
      status: 'read',
      at: at(3),
    });
    await service.applyStatus('whatsapp', {
      providerMessageId: first.providerMessageId,
      status: 'delivered',
      at: at(2),
    });
    await service.applyStatus('whatsapp', {
      providerMessageId: first.providerMessageId,
      status: 'read',
      at: at(3),
    });
    const [row] = await omni.handle.db.select().from(messages).where(eq(messages.id, first.messageId));
    expect(row!.status).toBe('read');
    expect(row!.statusHistory.filter((h) => h.status === 'read')).toHaveLength(1);
    expect(row!.statusHistory.some((h) => h.status === 'delivered')).toBe(true);
  });
});
