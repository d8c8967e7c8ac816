import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WhatsAppDriver } from '@omniflow/nodes/drivers/whatsapp';
import { FakeGraphApi } from '@omniflow/nodes/drivers/whatsapp/testing';
import { sandboxDrivers } from '../src/messaging/sandbox-drivers.ts';
import { listen } from './support/serve-omniflow.ts';
import {
  eventually,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';

const settings = { accessToken: 'test-token', appSecret: 'app-secret', phoneNumberId: '106540352242922' };

const departments = ['Ventas', 'Soporte técnico', 'Facturación', 'Devoluciones', 'Otra consulta'];
const routerBot = {
  name: 'Department router',
  nodes: [
    { id: 'hi', type: 'message.inbound', config: { channel: 'whatsapp' } },
    {
      id: 'pick',
      type: 'message.ask',
      config: {
        channel: 'conversation',
        question: '¿Con qué área quieres hablar?',
        expect: 'choice',
        listButton: 'Ver áreas',
        choices: departments.map((title, i) => ({ id: `d${i + 1}`, title })),
      },
    },
    { id: 'end', type: 'flow.end', config: { output: { area: '{{ nodes.pick.output.answer }}' } } },
    { id: 'late', type: 'flow.end', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'hi', port: 'next' }, to: { node: 'pick' } },
    { id: 'e2', from: { node: 'pick', port: 'answered' }, to: { node: 'end' } },
    { id: 'e3', from: { node: 'pick', port: 'timeout' }, to: { node: 'late' } },
  ],
};

describe('more than three options on WhatsApp', () => {
  let graph: FakeGraphApi;
  let omni: TestOmniflow;
  let server: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    graph = await FakeGraphApi.start(settings);
    const whatsapp = new WhatsAppDriver({
      ...settings,
      baseUrl: graph.url,
      apiVersion: 'v21.0',
      verifyToken: 'v',
    });
    omni = await startTestOmniflow({ channels: { ...sandboxDrivers(), whatsapp } });
    server = await listen(omni.app);
    await publishFlow(omni, routerBot);
  });
  afterAll(async () => {
    await server?.close();
    await omni?.close();
    await graph?.close();
  });

  it('asks with a list message, and the row the person picks routes the flow', async () => {
    const webhook = `${server.url}/api/v1/webhooks/whatsapp`;
    await graph.userSends(webhook, '+34600444001', { text: 'hola' });
    const question = await eventually(async () => graph.sent.find((s) => s.waId === '34600444001'));
    expect(question.body).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: '¿Con qué área quieres hablar?' },
        action: {
          button: 'Ver áreas',
          sections: [{ rows: departments.map((title, i) => ({ id: `d${i + 1}`, title })) }],
        },
      },
    });
    const runs = await omni.call('GET', `/api/v1/runs?contact=${encodeURIComponent('+34600444001')}`);
    const runId = runs.body.items[0].id as string;
    await graph.userSends(webhook, '+34600444001', { listReply: { id: 'd4', title: 'Devoluciones' } });
    const done = await runReaches(omni, runId, ['completed', 'failed']);
    expect(done).toMatchObject({ status: 'completed', output: { area: 'd4' } });
  });
});
