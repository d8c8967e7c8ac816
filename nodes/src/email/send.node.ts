import { z } from 'zod';
import { sentMessageOutput } from '../sdk/output-schema.ts';
import { defineNode } from '../sdk/define-node.ts';
import { NodeError } from '../sdk/node-error.ts';
import { renderText } from '../sdk/expressions/templates.ts';
import type { OutboundEmail } from '../sdk/channels.ts';
import { sendOrFail } from '../messaging/send-or-fail.ts';
import {
  addressList,
  attachmentsOf,
  checkMailContent,
  mailContentFields,
  renderMailContent,
} from './mail-content.ts';

const template = (en: string, es: string) =>
  z
    .string()
    .default('')
    .meta({ ui: { widget: 'template', label: { en, es } } });

export const emailSend = defineNode({
  type: 'email.send',
  version: 1,
  title: { en: 'Send email', es: 'Enviar correo' },
  description: {
    en: 'Sends a mail written here or from a template of the library, with copies and attachments.',
    es: 'Envía un correo escrito aquí o desde una plantilla de la biblioteca, con copias y adjuntos.',
  },
  category: 'email',
  icon: 'mail',
  portDescriptions: {
    sent: {
      en: 'The mail was handed to the mail server.',
      es: 'El correo se entregó al servidor de correo.',
    },
    failed: {
      en: 'The mail could not be sent (a wrong address, or the server refused it).',
      es: 'No se pudo enviar el correo (dirección incorrecta o el servidor lo rechazó).',
    },
  },
  summary: [
    { field: 'to', label: { en: 'To', es: 'Para' } },
    { field: 'subject' },
    { field: 'template', label: { en: 'Template', es: 'Plantilla' } },
  ],
  ports: ['sent', 'failed'],
  config: z
    .object({
      to: z
        .string()
        .min(1, 'Say who receives it')
        .default('{{ input.from }}')
        .meta({ ui: { widget: 'template', label: { en: 'To', es: 'Para' } } }),
      cc: template('Cc (comma-separated)', 'Cc (separados por comas)'),
      replyTo: template('Reply to (empty: the sender)', 'Responder a (vacío: el remitente)'),
      subject: template('Subject (empty with a template: its own)', 'Asunto (vacío con plantilla: el suyo)'),
      ...mailContentFields,
      marketing: z
        .boolean()
        .default(false)
        .meta({
          ui: {
            widget: 'toggle',
            label: {
              en: 'Marketing mail (one-click unsubscribe link)',
              es: 'Correo comercial (enlace para darse de baja)',
            },
          },
        }),
    })
    .superRefine((config, ctx) => {
      checkMailContent(config, ctx);
      if (config.content === 'inline' && !config.subject.trim())
        ctx.addIssue({ code: 'custom', path: ['subject'], message: 'Write the subject' });
    }),
  compile: (_node, ctx) => ctx.runActivity({ ports: ['sent', 'failed'], errorPort: 'failed' }),
  activity: {
    // SMTP outages are retried; a refused address or an opted-out person is a result.
    options: {
      startToCloseTimeout: '2m',
      retry: { maximumAttempts: 5, initialInterval: '2s', backoffCoefficient: 2 },
    },
    output: sentMessageOutput,
    async run(config, scope, deps) {
      const to = renderText(config.to, scope).trim().toLowerCase();
      if (!to) throw new NodeError('RECIPIENT_MISSING', `"To" rendered empty from ${config.to}`, false);
      const content = await renderMailContent(config, scope, deps);
      const subject = renderText(config.subject, scope).trim() || content.subject?.trim() || '';
      if (!subject)
        throw new NodeError('SUBJECT_MISSING', `The subject rendered empty from "${config.subject}"`, false);
      const cc = addressList(renderText(config.cc, scope));
      const replyTo = renderText(config.replyTo, scope).trim();
      const attachments = attachmentsOf(config.attachments, scope);
      const email: OutboundEmail = {
        subject,
        ...(content.html ? { html: content.html } : {}),
        ...(cc.length > 0 ? { cc } : {}),
        ...(replyTo ? { replyTo } : {}),
        ...(config.marketing ? { marketing: true } : {}),
        ...(attachments.length > 0 ? { attachments } : {}),
      };
      const message = { to, text: content.text, email };
      return sendOrFail(deps, 'email', message, { channel: 'email', ...message });
    },
  },
});
