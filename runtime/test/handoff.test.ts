import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountingTarget } from './support/counting-target.ts';
import {
  eventually,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';

describe('handing a conversation to an agent', () => {
  let omni: TestOmniflow;
  let helpdesk: CountingTarget;

  beforeAll(async () => {
    helpdesk = await new CountingTarget().start();
    omni = await startTestOmniflow({ env: { OMNIFLOW_HTTP_ALLOW_PRIVATE: '1' } });
    await publishFlow(omni, {
      name: 'Agent please',
      nodes: [
        { id: 'hi', type: 'message.inbound', config: { channel: 'sms', keyword: 'agente' } },
        {
          id: 'human',
          type: 'conversation.handoff',
          config: {
            channel: 'sms',
            queue: 'ventas',
            notifyUrl: `${helpdesk.url}/new-conversation`,
            timeout: 'PT1H',
          },
        },
        { id: 'bye', type: 'message.send', config: { channel: 'sms', text: 'Gracias por escribirnos' } },
        { id: 'late', type: 'flow.end', config: {} },
      ],
      edges: [
        { id: 'e1', from: { node: 'hi', port: 'next' }, to: { node: 'human' } },
        { id: 'e2', from: { node: 'human', port: 'closed' }, to: { node: 'bye' } },
        { id: 'e3', from: { node: 'human', port: 'timeout' }, to: { node: 'late' } },
      ],
    });
  });
  afterAll(async () => {
    await omni?.close();
    await helpdesk?.close();
  });

  it('queues the conversation, lets the agent reply, and resumes the flow by "closed"', async () => {
    const started = await omni.call('POST', '/api/v1/sandbox/messages', {
      channel: 'sms',
      from: '+34600333000',
      text: 'Agente por favor',
    });
    const runId = started.body.runId as string;
    await runReaches(omni, runId, ['waiting']);
    const queue = await omni.call('GET', '/api/v1/conversations?queue=ventas');
    expect(queue.body.items).toHaveLength(1);
    const conversation = queue.body.items[0];
    expect(conversation).toMatchObject({
      channel: 'sms',
      contactAddress: '+34600333000',
      runId,
      status: 'agent',
    });
    expect(helpdesk.count('/new-conversation')).toBe(1);

    const reply = await omni.call('POST', `/api/v1/conversations/${conversation.id}/messages`, {
      text: 'Hola, soy Marta',
    });
    expect(reply.status).toBe(200);
    // The person answers the agent: recorded, and the run keeps waiting for the agent.
    const answered = await omni.call('POST', '/api/v1/sandbox/messages', {
      channel: 'sms',
      from: '+34600333000',
      text: 'Quiero cambiar mi pedido',
    });
    expect(answered.body).toEqual({ outcome: 'delivered', runId });
    expect((await omni.call('GET', `/api/v1/runs/${runId}`)).body.status).toBe('waiting');

    const closed = await omni.call('POST', `/api/v1/conversations/${conversation.id}/close`, {
      note: 'resuelto',
    });
    expect(closed.body).toMatchObject({ status: 'closed' });
    const done = await runReaches(omni, runId, ['completed', 'failed']);
    expect(done.status).toBe('completed');
    expect(done.steps.find((s: { nodeId: string }) => s.nodeId === 'human')).toMatchObject({
      port: 'closed',
    });
    const sent = await eventually(async () => {
      const page = await omni.call('GET', `/api/v1/messages?runId=${runId}`);
      const texts = page.body.items
        .filter((m: { direction: string }) => m.direction === 'outbound')
        .map((m: { body: { text: string } }) => m.body.text);
      return texts.length === 2 ? texts : undefined;
    });
    expect(sent.sort()).toEqual(['Gracias por escribirnos', 'Hola, soy Marta']);

    const again = await omni.call('POST', `/api/v1/conversations/${conversation.id}/close`, {});
    expect(again.status).toBe(409);
    const late = await omni.call('POST', `/api/v1/conversations/${conversation.id}/messages`, {
      text: '¿Sigues?',
    });
    expect(late.status).toBe(409);
    const empty = await omni.call('POST', `/api/v1/conversations/${conversation.id}/messages`, { text: '' });
    expect(empty.status).toBe(400);
  });
});
