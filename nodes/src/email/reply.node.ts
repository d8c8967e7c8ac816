import { z } from 'zod';
import { sentMessageOutput } from '../sdk/output-schema.ts';
import { defineNode } from '../sdk/define-node.ts';
import { NodeError } from '../sdk/node-error.ts';
import type { OutboundEmail } from '../sdk/channels.ts';
import { sendOrFail } from '../messaging/send-or-fail.ts';
import { attachmentsOf, checkMailContent, mailContentFields, renderMailContent } from './mail-content.ts';
import { mailToAnswer, startedByMail, threadHeaders } from './mail-thread.ts';

export const emailReply = defineNode({
  type: 'email.reply',
  version: 1,
  title: { en: 'Reply to the email', es: 'Responder al correo' },
  description: {
    en: 'Answers the mail the run is about in its own thread (Re: subject), to the person who wrote.',
    es: 'Responde al correo de la ejecución en su mismo hilo (Re: asunto), a quien lo escribió.',
  },
  category: 'email',
  icon: 'reply',
  portDescriptions: {
    sent: {
      en: 'The answer was handed to the mail server.',
      es: 'La respuesta se entregó al servidor de correo.',
    },
    failed: {
      en: 'The answer could not be sent (no mail to answer, or the server refused it).',
      es: 'No se pudo enviar la respuesta (no hay correo al que responder o el servidor la rechazó).',
    },
  },
  summary: [{ field: 'body' }, { field: 'template', label: { en: 'Template', es: 'Plantilla' } }],
  ports: ['sent', 'failed'],
  config: z.object(mailContentFields).superRefine(checkMailContent),
  compile: (_node, ctx) => ctx.runActivity({ ports: ['sent', 'failed'], errorPort: 'failed' }),
  activity: {
    options: {
      startToCloseTimeout: '2m',
      retry: { maximumAttempts: 5, initialInterval: '2s', backoffCoefficient: 2 },
    },
    output: sentMessageOutput,
    async run(config, scope, deps) {
      const parent = await mailToAnswer(scope, deps);
      if (!parent)
        throw new NodeError(
          'NO_MAIL_TO_ANSWER',
          'This run has received no mail to answer; start the flow with "Email received", or use "Send email"',
          false,
        );
      const content = await renderMailContent(config, scope, deps);
      const attachments = attachmentsOf(config.attachments, scope);
      const email: OutboundEmail = {
        ...threadHeaders(parent),
        ...(content.html ? { html: content.html } : {}),
        // RFC 3834 §5: what a flow answers by itself to a mail says it was automatic, so the
        // other side's auto-responders do not answer it back.
        ...(startedByMail(scope) ? { autoSubmitted: 'auto-replied' as const } : {}),
        ...(attachments.length > 0 ? { attachments } : {}),
      };
      // From stays the sending account's: another address would fail SPF/DKIM alignment there.
      const message = { to: parent.from, text: content.text, email };
      return sendOrFail(deps, 'email', message, { channel: 'email', ...message });
    },
  },
});
