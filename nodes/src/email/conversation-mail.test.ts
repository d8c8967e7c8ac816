import { describe, expect, it } from 'vitest';
import { testScope } from '../sdk/testing.ts';
import { messageAsk } from '../messaging/ask.node.ts';
import { messageSend } from '../messaging/send.node.ts';
import { deps, mailInput, recordingMessaging } from './test-messaging.ts';

const send = (
  config: unknown,
  messaging: ReturnType<typeof recordingMessaging>['messaging'],
  input: unknown = mailInput,
) => messageSend.activity!.run(messageSend.config.parse(config), testScope({ input }), deps({ messaging }));

describe('message.send and message.ask by mail', () => {
  it('answers in the thread of the mail that started the run on the conversation’s channel', async () => {
    const { sent, messaging } = recordingMessaging();
    await send({ channel: 'conversation', text: 'Recibido, gracias' }, messaging);
    expect(sent).toEqual([
      {
        channel: 'email',
        message: {
          to: 'ana@example.com',
          text: 'Recibido, gracias',
          email: {
            subject: 'Re: Acceso',
            inReplyTo: 'first.1@mail.example.com',
            references: ['first.1@mail.example.com'],
            autoSubmitted: 'auto-replied',
          },
        },
      },
    ]);
  });

  it('starts a thread of its own to someone else, its subject the first line, options numbered, a file attached', async () => {
    const { sent, messaging } = recordingMessaging();
    await send(
      {
        channel: 'email',
        to: 'Luis@Example.com',
        text: '¿Vienes el martes?\nContesta con el número.',
        buttons: [
          { id: 'yes', title: 'Sí' },
          { id: 'no', title: 'No' },
        ],
        mediaUrl: 'https://example.com/files/plano%20sala.pdf',
      },
      messaging,
      { from: '+34600111222' },
    );
    expect(sent[0]?.message).toEqual({
      to: 'luis@example.com',
      text: '¿Vienes el martes?\nContesta con el número.\n\n1. Sí\n2. No',
      email: {
        subject: '¿Vienes el martes?',
        attachments: [{ filename: 'plano sala.pdf', url: 'https://example.com/files/plano%20sala.pdf' }],
      },
    });
  });

  it('asks a question by mail in the person’s thread', async () => {
    const { sent, messaging } = recordingMessaging();
    await messageAsk.activity!.run(
      messageAsk.config.parse({
        channel: 'conversation',
        question: '¿Cuál es tu número de cliente?',
        expect: 'number',
      }),
      testScope({ input: mailInput }),
      deps({ messaging }),
    );
    expect(sent[0]).toMatchObject({
      channel: 'email',
      message: {
        to: 'ana@example.com',
        email: { subject: 'Re: Acceso', inReplyTo: 'first.1@mail.example.com' },
      },
    });
  });

  it('cuts a long first line into a subject at a word', async () => {
    const { sent, messaging } = recordingMessaging();
    const words = 'palabra '.repeat(20).trim();
    await send({ channel: 'email', to: 'a@example.com', text: words }, messaging, {});
    const subject = sent[0]?.message.email?.subject ?? '';
    expect(subject.length).toBeLessThanOrEqual(78);
    expect(subject.endsWith('palabra…')).toBe(true);
  });
});
