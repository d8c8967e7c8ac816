import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from './support/serve-omniflow.ts';
import { sendOnlyFlow } from './support/flows.ts';
import { messages } from '@omniflow/db';
import { WhatsAppDriver } from '@omniflow/nodes/drivers/whatsapp';
import { FakeGraphApi } from '@omniflow/nodes/drivers/whatsapp/testing';
import {
  eventually,
  latestRunOf,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';
import { sandboxDrivers } from '../src/messaging/sandbox-drivers.ts';

const settings = { accessToken: 'test-token', appSecret: 'app-secret', phoneNumberId: '106540352242922' };

const surveyBot = {
  name: 'Survey',
  nodes: [
    { id: 'hi', type: 'message.inbound', config: { channel: 'whatsapp' } },
    {
      id: 'happy',
      type: 'message.ask',
      config: {
        channel: 'whatsapp',
        question: '¿Te atendimos bien?',
        expect: 'choice',
        choices: [
          { id: 'yes', title: 'Sí' },
          { id: 'no', title: 'No' },
        ],
      },
    },
    {
      id: 'thanks',
      type: 'message.send',
      config: { channel: 'whatsapp', text: 'Gracias ({{ nodes.happy.output.answer }})' },
    },
    { id: 'end', type: 'flow.end', config: { output: { answer: '{{ nodes.happy.output.answer }}' } } },
    { id: 'late', type: 'flow.end', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'hi', port: 'next' }, to: { node: 'happy' } },
    { id: 'e2', from: { node: 'happy', port: 'answered' }, to: { node: 'thanks' } },
    { id: 'e3', from: { node: 'happy', port: 'timeout' }, to: { node: 'late' } },
    { id: 'e4', from: { node: 'thanks', port: 'sent' }, to: { node: 'end' } },
  ],
};

const notice = sendOnlyFlow('Notice', 'whatsapp', 'Tu cita es mañana');

describe('WhatsApp channel against a fake Graph API', () => {
  let graph: FakeGraphApi;
  let omni: TestOmniflow;
  let server: Awaited<ReturnType<typeof listen>>;
  let webhook: string;

  beforeAll(async () => {
    graph = await FakeGraphApi.start(settings);
    const driver = () =>
      new WhatsAppDriver({ ...settings, baseUrl: graph.url, apiVersion: 'v21.0', verifyToken: 'verify-me' });
    omni = await startTestOmniflow({ channels: { ...sandboxDrivers(), whatsapp: driver() } });
    server = await listen(omni.app);
    webhook = `${server.url}/api/v1/webhooks/whatsapp`;
    await publishFlow(omni, surveyBot);
  });
  afterAll(async () => {
    await server?.close();
    await omni?.close();
    await graph?.close();
  });

  const runOf = (phone: string) => latestRunOf(omni, phone);

  it('answers the subscription handshake only with the right verify token', async () => {
    const ok = await fetch(
      `${webhook}?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444`,
    );
    expect([ok.status, await ok.text()]).toEqual([200, '1158201444']);
    const wrong = await fetch(`${webhook}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`);
    expect(wrong.status).toBe(403);
  });

  it('runs a conversation: a reply button routes the flow, statuses land in order', async () => {
    const first = await graph.userSends(webhook, '+34600222001', { text: 'hola' });
    expect(first.status).toBe(200);
    const runId = await eventually(() => runOf('+34600222001'));
    await runReaches(omni, runId, ['waiting']);
    const question = graph.sent.find((s) => s.waId === '34600222001')!;
    expect(question.body).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'button',
        action: { buttons: [{ reply: { id: 'yes', title: 'Sí' } }, { reply: { id: 'no' } }] },
      },
    });

    await graph.userSends(webhook, '+34600222001', { buttonReply: { id: 'no', title: 'No' } });
    const done = await runReaches(omni, runId, ['completed', 'failed']);
    expect(done).toMatchObject({ status: 'completed', output: { answer: 'no' } });
    const thanks = graph.sent.filter((s) => s.waId === '34600222001').at(-1)!;
    expect(thanks.body).toMatchObject({ type: 'text', text: { body: 'Gracias (no)' } });

    // Read arrives before delivered, and every report twice: the status still ends at read.
    await graph.deliverStatuses(webhook, thanks.id, ['read', 'delivered', 'sent'], { duplicate: true });
    const [row] = await omni.handle.db
      .select()
      .from(messages)
      .where(eq(messages.providerMessageId, thanks.id));
    expect(row!.status).toBe('read');
    expect(row!.statusHistory.filter((h) => h.status === 'read')).toHaveLength(1);
  });

  it('refuses a badly signed webhook without reading it, and ignores a duplicate delivery', async () => {
    const before = (await omni.handle.db.select().from(messages)).length;
    for (const signing of ['missing', 'wrong-secret', 'tampered'] as const) {
      const refused = await graph.deliverRaw(
        webhook,
        JSON.stringify({ object: 'whatsapp_business_account', entry: [] }),
        signing,
      );
      expect(refused.status).toBe(401);
    }
    const sent = await graph.userSends(webhook, '+34600222002', { text: 'hola' });
    const again = await graph.deliverRaw(webhook, sent.rawBody);
    expect(again.status).toBe(200);
    await eventually(() => runOf('+34600222002'));
    const inbound = await omni.handle.db
      .select()
      .from(messages)
      .where(eq(messages.contactAddress, '+34600222002'));
    expect(inbound.filter((m) => m.direction === 'inbound')).toHaveLength(1);
    expect((await omni.handle.db.select().from(messages)).length).toBeGreaterThan(before);
    const runs = await omni.call('GET', `/api/v1/runs?contact=${encodeURIComponent('+34600222002')}`);
    expect(runs.body.items).toHaveLength(1);
  });

  it('refuses free text to someone outside the 24-hour window, with its code', async () => {
    const flowId = await publishFlow(omni, notice);
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: { phone: '+34600222999' } });
    const run = await runReaches(omni, started.body.id, ['failed', 'completed']);
    expect(run).toMatchObject({
      status: 'failed',
      failedNodeId: 'tell',
      error: { code: 'WHATSAPP_WINDOW_CLOSED' },
    });
    expect(graph.sent.filter((m) => m.waId === '34600222999')).toEqual([]);
  });

  it('sends a test run’s messages to the sandbox, never to the provider', async () => {
    const flowId = (await omni.call('GET', '/api/v1/flows')).body.items.find(
      (f: { name: string }) => f.name === 'Survey',
    ).id as string;
    const sentBefore = graph.sent.length;
    const started = await omni.call('POST', `/api/v1/flows/${flowId}/test-runs`, {
      message: { channel: 'whatsapp', text: 'hola' },
    });
    expect(started.status).toBe(201);
    const { id: runId, conversation } = started.body;
    await runReaches(omni, runId, ['waiting']);
    const asked = await omni.call('GET', `/api/v1/messages?runId=${runId}`);
    const outbound = asked.body.items.find((m: { direction: string }) => m.direction === 'outbound');
    expect(outbound).toMatchObject({ contactAddress: conversation.address, nodeId: 'happy' });
    expect(outbound.providerMessageId).toMatch(/^sandbox\./);
    expect(graph.sent.length).toBe(sentBefore);
  });
});
