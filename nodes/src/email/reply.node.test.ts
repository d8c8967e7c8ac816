import { describe, expect, it } from 'vitest';
import { testScope } from '../sdk/testing.ts';
import type { ReceivedMail } from '../sdk/types.ts';
import { emailReply } from './reply.node.ts';
import { deps, mailInput, recordingMessaging } from './test-messaging.ts';

const run = (
  config: unknown,
  messaging: ReturnType<typeof recordingMessaging>['messaging'],
  input: unknown = mailInput,
) =>
  emailReply.activity!.run(
    emailReply.config.parse(config),
    testScope({ input, vars: { name: 'Ana' } }),
    deps({ messaging }),
  );

describe('email.reply', () => {
  it('answers the mail that started the run in its thread, marked as an automatic reply', async () => {
    const { sent, messaging } = recordingMessaging();
    const result = await run({ body: 'Hola {{ vars.name }}, te ayudamos enseguida.' }, messaging);
    expect(result.port).toBe('sent');
    expect(sent).toEqual([
      {
        channel: 'email',
        message: {
          to: 'ana@example.com',
          text: 'Hola Ana, te ayudamos enseguida.',
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

  it('answers the newest mail of the run, keeping the thread’s ids and one "Re:"', async () => {
    const received: ReceivedMail = {
      from: 'ana@example.com',
      to: 'ayuda@omniflow.test',
      subject: 'RE: Acceso',
      messageId: 'third.3@mail.example.com',
      references: ['first.1@mail.example.com', 'ours.2@omniflow.test'],
    };
    const { sent, messaging } = recordingMessaging({ received });
    await run({ body: 'Gracias' }, messaging);
    expect(sent[0]?.message.email).toEqual({
      subject: 'RE: Acceso',
      inReplyTo: 'third.3@mail.example.com',
      references: ['first.1@mail.example.com', 'ours.2@omniflow.test', 'third.3@mail.example.com'],
      autoSubmitted: 'auto-replied',
    });
  });

  it('does not mark as automatic an answer in a run that a mail did not start', async () => {
    const received: ReceivedMail = {
      from: 'luis@example.com',
      to: 'ayuda@omniflow.test',
      subject: 'Encuesta',
      messageId: 'r.1@example.com',
      references: ['ours.1@omniflow.test'],
    };
    const { sent, messaging } = recordingMessaging({ received });
    await run({ body: 'Gracias por contestar' }, messaging, { name: 'campaign' });
    expect(sent[0]?.message.email?.autoSubmitted).toBeUndefined();
    expect(sent[0]?.message.to).toBe('luis@example.com');
  });

  it('fails for good, saying what to use instead, in a run that has no mail to answer', async () => {
    const { messaging } = recordingMessaging();
    await expect(run({ body: 'x' }, messaging, { from: '+34600111222' })).rejects.toMatchObject({
      code: 'NO_MAIL_TO_ANSWER',
      retryable: false,
    });
  });

  it('needs a text or a template', () => {
    const parsed = emailReply.config.safeParse({});
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['body']);
  });
});
