import { describe, expect, it } from 'vitest';
import { NodeError } from '../sdk/node-error.ts';
import { compileNode, testScope } from '../sdk/testing.ts';
import type { NodeMessaging, NodeTemplates } from '../sdk/types.ts';
import { messageSend } from './send.node.ts';

function recordingMessaging(fail?: NodeError | Error) {
  const sent: { channel: string; message: unknown }[] = [];
  const messaging: NodeMessaging = {
    async send(channel, message) {
      if (fail) throw fail;
      sent.push({ channel, message });
      return { messageId: 'm1', providerMessageId: 'p1', segments: 1 };
    },
  };
  return { sent, messaging };
}

const run = (config: unknown, messaging?: NodeMessaging, input: unknown = { from: '+34600111222' }) =>
  messageSend.activity!.run(messageSend.config.parse(config), testScope({ input, vars: { name: 'Ana' } }), {
    idempotencyKey: 'run:send:1',
    signal: new AbortController().signal,
    env: {},
    ...(messaging ? { messaging } : {}),
  });

describe('message.send', () => {
  it('renders the text and buttons and sends to the person who wrote by default', async () => {
    const { sent, messaging } = recordingMessaging();
    const result = await run(
      { channel: 'sms', text: 'Hola {{ vars.name }}', buttons: [{ id: 'yes', title: 'Sí' }] },
      messaging,
    );
    expect(result).toMatchObject({ port: 'sent', output: { messageId: 'm1', providerMessageId: 'p1' } });
    expect(sent).toEqual([
      {
        channel: 'sms',
        message: { to: '+34600111222', text: 'Hola Ana', buttons: [{ id: 'yes', title: 'Sí' }] },
      },
    ]);
  });

  it('leaves by failed with the reason when the provider refuses for good, and retries otherwise', async () => {
    const refused = recordingMessaging(new NodeError('OPTED_OUT', 'opted out', false));
    expect(await run({ text: 'x' }, refused.messaging)).toMatchObject({
      port: 'failed',
      fault: { code: 'OPTED_OUT' },
    });
    const outage = recordingMessaging(new Error('ECONNRESET'));
    await expect(run({ text: 'x' }, outage.messaging)).rejects.toThrow('ECONNRESET');
  });

  it('answers on the channel the conversation came in on, and says so when there is none', async () => {
    const { sent, messaging } = recordingMessaging();
    await run({ channel: 'conversation', text: 'Hola' }, messaging, { channel: 'webchat', from: 'abc123' });
    expect(sent).toEqual([{ channel: 'webchat', message: { to: 'abc123', text: 'Hola' } }]);
    await expect(
      run({ channel: 'conversation', text: 'Hola' }, messaging, { from: '+34600111222' }),
    ).rejects.toMatchObject({ code: 'NO_CONVERSATION_CHANNEL', retryable: false });
  });

  it('shows more than three options as a list on WhatsApp and as options elsewhere', async () => {
    const { sent, messaging } = recordingMessaging();
    const buttons = ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id.toUpperCase() }));
    await run({ channel: 'whatsapp', text: 'Elige', buttons, listButton: 'Ver' }, messaging);
    await run({ channel: 'sms', text: 'Elige', buttons }, messaging);
    expect(sent.map((s) => s.message)).toEqual([
      {
        to: '+34600111222',
        text: 'Elige',
        list: { button: 'Ver', sections: [{ title: '', rows: buttons }] },
      },
      { to: '+34600111222', text: 'Elige', buttons },
    ]);
  });

  it('sends media of the kind the designer chose, with the text', async () => {
    const { sent, messaging } = recordingMessaging();
    await run(
      {
        channel: 'whatsapp',
        text: 'Tu factura',
        mediaKind: 'document',
        mediaUrl: 'https://files.example/{{ vars.name }}.pdf',
      },
      messaging,
    );
    expect(sent[0]!.message).toEqual({
      to: '+34600111222',
      text: 'Tu factura',
      media: { kind: 'document', url: 'https://files.example/Ana.pdf' },
    });
  });

  it('explains a missing channel or recipient, and checks its config', async () => {
    await expect(run({ text: 'x' })).rejects.toMatchObject({
      code: 'CHANNEL_NOT_CONFIGURED',
      retryable: false,
    });
    await expect(run({ text: 'x' }, recordingMessaging().messaging, {})).rejects.toMatchObject({
      code: 'RECIPIENT_MISSING',
    });
    expect(messageSend.config.safeParse({ text: '' }).success).toBe(false);
    const tooLong = messageSend.config.safeParse({
      text: 'x',
      buttons: [{ id: 'a', title: 'x'.repeat(21) }],
    });
    expect(tooLong.error?.issues[0]?.message).toContain('20 characters');
  });

  it('sends a saved text of the library in the language chosen, rendered for the run', async () => {
    const { sent, messaging } = recordingMessaging();
    const asked: string[] = [];
    const templates: NodeTemplates = {
      email: () => Promise.reject(new Error('not an email')),
      async text(name, language, scope) {
        asked.push(`${name}:${language}`);
        if (name !== 'greeting') throw new NodeError('TEMPLATE_NOT_FOUND', `No text named ${name}`, false);
        return `Hola ${String((scope.vars as { name?: string }).name)}, gracias por escribir`;
      },
    };
    const config = messageSend.config.parse({ channel: 'sms', template: 'greeting', language: 'es' });
    const scope = testScope({ input: { from: '+34600111222' }, vars: { name: 'Ana' } });
    const deps = { idempotencyKey: 'k', signal: new AbortController().signal, env: {}, messaging, templates };
    expect(await messageSend.activity!.run(config, scope, deps)).toMatchObject({ port: 'sent' });
    expect(sent).toEqual([
      { channel: 'sms', message: { to: '+34600111222', text: 'Hola Ana, gracias por escribir' } },
    ]);
    expect(asked).toEqual(['greeting:es']);
    // A saved text that is gone fails the step for good (not retried) with the library's reason.
    const gone = messageSend.config.parse({ channel: 'sms', template: 'farewell' });
    await expect(messageSend.activity!.run(gone, scope, deps)).rejects.toMatchObject({
      code: 'TEMPLATE_NOT_FOUND',
      retryable: false,
    });
    expect(sent).toHaveLength(1);
    // Neither a text nor a saved one: the designer is told on the text field.
    const neither = messageSend.config.safeParse({ channel: 'sms' });
    expect(neither.error?.issues[0]).toMatchObject({ path: ['text'] });
  });

  it('compiles to an activity whose unwired failed port fails the run', () => {
    const fragment = compileNode(messageSend, { text: 'x' }, { sent: 'next' }) as {
      invoke: { onDone: { target: string }[] };
    };
    expect(fragment.invoke.onDone.map((t) => t.target)).toEqual(['next', '__failed']);
  });
});
