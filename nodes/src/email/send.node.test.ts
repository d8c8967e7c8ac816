import { describe, expect, it } from 'vitest';
import { NodeError } from '../sdk/node-error.ts';
import { testScope } from '../sdk/testing.ts';
import { emailSend } from './send.node.ts';
import { deps, mailInput, memoryTemplates, recordingMessaging } from './test-messaging.ts';

const run = (config: unknown, extra: Parameters<typeof deps>[0] = {}, input: unknown = mailInput) =>
  emailSend.activity!.run(
    emailSend.config.parse(config),
    testScope({ input, vars: { name: 'Ana', to: 'Luis@Example.com' } }),
    deps(extra),
  );

describe('email.send', () => {
  it('sends an inline mail with copies, reply-to, HTML and the received mail’s attachments', async () => {
    const { sent, messaging } = recordingMessaging();
    const result = await run(
      {
        to: '{{ vars.to }}',
        cc: 'jefe@example.com; , soporte@example.com',
        replyTo: 'ayuda@omniflow.test',
        subject: 'Hola {{ vars.name }}',
        body: 'Tu pedido está listo, {{ vars.name }}.',
        html: '<p>Tu pedido está listo, <b>{{ vars.name }}</b>.</p>',
        attachments: '{{ input.email.attachments }}',
      },
      { messaging },
    );
    expect(result).toMatchObject({
      port: 'sent',
      output: { messageId: 'm1', providerMessageId: 'p1@example.test' },
    });
    expect(sent).toEqual([
      {
        channel: 'email',
        message: {
          to: 'luis@example.com',
          text: 'Tu pedido está listo, Ana.',
          email: {
            subject: 'Hola Ana',
            html: '<p>Tu pedido está listo, <b>Ana</b>.</p>',
            cc: ['jefe@example.com', 'soporte@example.com'],
            replyTo: 'ayuda@omniflow.test',
            attachments: [{ filename: 'captura.png', attachmentId: 'att-1', contentType: 'image/png' }],
          },
        },
      },
    ]);
  });

  it('renders a library template in the chosen language, the subject field overriding its own when set', async () => {
    const templates = memoryTemplates({
      'bienvenida:en': {
        subject: 'Welcome {{ vars.name }}',
        html: '<h1>Hi {{ vars.name }}</h1>',
        text: 'Hi {{ vars.name }}',
      },
    });
    const { sent, messaging } = recordingMessaging();
    await run(
      { content: 'template', template: 'bienvenida', language: 'en', marketing: true },
      { messaging, templates },
    );
    expect(templates.asked).toEqual([{ name: 'bienvenida', language: 'en' }]);
    expect(sent[0]?.message).toEqual({
      to: 'ana@example.com',
      text: 'Hi Ana',
      email: { subject: 'Welcome Ana', html: '<h1>Hi Ana</h1>', marketing: true },
    });
    await run(
      { content: 'template', template: 'bienvenida', language: 'en', subject: 'Otra cosa' },
      { messaging, templates },
    );
    expect(sent[1]?.message.email?.subject).toBe('Otra cosa');
  });

  it('fails the step for good when the template is missing or the library is not there', async () => {
    const { messaging } = recordingMessaging();
    await expect(
      run({ content: 'template', template: 'nada' }, { messaging, templates: memoryTemplates({}) }),
    ).rejects.toMatchObject({ code: 'TEMPLATE_NOT_FOUND', retryable: false });
    await expect(run({ content: 'template', template: 'nada' }, { messaging })).rejects.toMatchObject({
      code: 'TEMPLATES_UNAVAILABLE',
      retryable: false,
    });
  });

  it('leaves by failed with the reason when the address opted out, and throws outages to be retried', async () => {
    const refused = recordingMessaging({ fail: new NodeError('OPTED_OUT', 'ana opted out of email', false) });
    expect(await run({ subject: 'x', body: 'y' }, { messaging: refused.messaging })).toMatchObject({
      port: 'failed',
      fault: { code: 'OPTED_OUT' },
    });
    const outage = recordingMessaging({ fail: new Error('ECONNREFUSED') });
    await expect(run({ subject: 'x', body: 'y' }, { messaging: outage.messaging })).rejects.toThrow(
      'ECONNREFUSED',
    );
  });

  it('refuses attachments that are not files, naming what to point at', async () => {
    const { messaging } = recordingMessaging();
    await expect(
      run({ subject: 'x', body: 'y', attachments: '{{ input.from }}' }, { messaging }),
    ).rejects.toMatchObject({ code: 'ATTACHMENTS_INVALID', retryable: false });
  });

  it('says which field is missing: subject and text inline, the template’s name otherwise', () => {
    const inline = emailSend.config.safeParse({ to: 'a@b.c' });
    expect(inline.success).toBe(false);
    expect(inline.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['body', 'Write the mail’s text, or pick a template of the library'],
      ['subject', 'Write the subject'],
    ]);
    const template = emailSend.config.safeParse({ content: 'template' });
    expect(template.error?.issues.map((i) => i.path.join('.'))).toEqual(['template']);
  });

  it('offers the template as a library picker of email templates in the inspector', () => {
    expect(emailSend.config.shape.template.meta()).toMatchObject({
      ui: { widget: 'library-template', kind: 'email' },
    });
  });
});
