import { z } from 'zod';
import { uiLabel } from '../sdk/ui-label.ts';
import { sentMessageOutput } from '../sdk/output-schema.ts';
import { NodeError } from '../sdk/node-error.ts';
import { defineNode } from '../sdk/define-node.ts';
import { renderText } from '../sdk/expressions/templates.ts';
import type { ActivityDeps, TemplateScope } from '../sdk/types.ts';
import { messagingChannelSchema, resolveChannel } from './channel-field.ts';
import { sendOrFail } from './send-or-fail.ts';
import { whatsAppOptions } from './whatsapp-options.ts';
import { conversationMail, fileNameOf, withNumberedOptions } from '../email/conversation-mail.ts';

export { messagingChannelSchema };

/** A short text of the workspace's template library, rendered for this run. */
async function savedText(name: string, language: 'es' | 'en', scope: TemplateScope, deps: ActivityDeps) {
  if (!deps.templates)
    throw new NodeError(
      'TEMPLATES_UNAVAILABLE',
      'This worker has no template library to take the text from; write the text in the node',
      false,
    );
  return deps.templates.text(name, language, scope);
}

export const messageSend = defineNode({
  type: 'message.send',
  version: 1,
  title: { en: 'Send message', es: 'Enviar mensaje' },
  description: {
    en: 'Sends a message on WhatsApp, SMS, web chat or email; buttons show as buttons, numbered options or chips.',
    es: 'Envía un mensaje por WhatsApp, SMS, chat web o correo; los botones se ven como botones, opciones numeradas o chips.',
  },
  category: 'messaging',
  icon: 'send',
  portDescriptions: {
    sent: { en: 'The message was handed to the channel.', es: 'El mensaje se entregó al canal.' },
    failed: { en: 'The message could not be sent.', es: 'No se pudo enviar el mensaje.' },
  },
  summary: [
    { field: 'text' },
    { field: 'template', label: { en: 'Template', es: 'Plantilla' } },
    { rows: 'buttons', show: ['title'] },
    { field: 'mediaUrl', as: 'host', label: { en: 'Attachment', es: 'Adjunto' } },
  ],
  sendsFreeText: true,
  ports: ['sent', 'failed'],
  config: z
    .object({
      channel: messagingChannelSchema.default('whatsapp'),
      to: z
        .string()
        .min(1, 'Say who receives it')
        .default('{{ input.from }}')
        .meta({ ui: { widget: 'template', label: { en: 'To', es: 'Para' } } }),
      text: z
        .string()
        .default('')
        .meta({ ui: { widget: 'template', label: { en: 'Text', es: 'Texto' } } }),
      // A short text of the template library (Templates in the top bar) instead of the text above.
      template: z
        .string()
        .default('')
        .meta({
          ui: {
            widget: 'library-template',
            kind: 'text',
            label: { en: 'Or a saved text', es: 'O un texto guardado' },
          },
        }),
      language: z
        .enum(['es', 'en'])
        .default('es')
        .meta({
          ui: {
            widget: 'select',
            label: { en: 'Language of the saved text', es: 'Idioma del texto guardado' },
            optionLabels: { es: { en: 'Spanish', es: 'Español' }, en: { en: 'English', es: 'Inglés' } },
          },
        }),
      buttons: z
        .array(
          z.object({
            id: z
              .string()
              .min(1, 'Give the button an id')
              .meta(uiLabel('Id (saved as the answer)', 'Id (se guarda como respuesta)')),
            title: z
              .string()
              .min(1, 'Give the button a title')
              .max(20, 'Button titles are at most 20 characters')
              .meta(uiLabel('Button text', 'Texto del botón')),
          }),
        )
        .max(10, 'At most 10 options')
        .default([])
        .meta({ ui: { widget: 'rows', idFrom: 'title', label: { en: 'Buttons', es: 'Botones' } } }),
      listButton: z
        .string()
        .max(20, 'At most 20 characters')
        .default('')
        .meta({
          ui: {
            label: {
              en: 'List button (WhatsApp, over 3 options)',
              es: 'Botón de la lista (WhatsApp, más de 3 opciones)',
            },
          },
        }),
      mediaKind: z
        .enum(['image', 'video', 'audio', 'document'])
        .default('image')
        .meta({
          ui: {
            widget: 'select',
            label: { en: 'Media kind', es: 'Tipo de archivo' },
            optionLabels: {
              image: { en: 'Image', es: 'Imagen' },
              video: { en: 'Video', es: 'Vídeo' },
              audio: { en: 'Audio', es: 'Audio' },
              document: { en: 'Document (PDF…)', es: 'Documento (PDF…)' },
            },
          },
        }),
      mediaUrl: z
        .string()
        .optional()
        .meta({
          ui: { widget: 'template', label: { en: 'Image or file URL', es: 'URL de imagen o archivo' } },
        }),
    })
    .superRefine((config, ctx) => {
      if (!config.text.trim() && !config.template.trim())
        ctx.addIssue({
          code: 'custom',
          path: ['text'],
          message: 'Write the message, or pick a saved text of the template library',
        });
    }),
  compile: (_node, ctx) => ctx.runActivity({ ports: ['sent', 'failed'], errorPort: 'failed' }),
  activity: {
    // Provider outages are retried; an opted-out number or a refused message is a result.
    options: {
      startToCloseTimeout: '2m',
      retry: { maximumAttempts: 5, initialInterval: '2s', backoffCoefficient: 2 },
    },
    output: sentMessageOutput,
    async run(config, scope, deps) {
      if (!deps.messaging)
        throw new NodeError(
          'CHANNEL_NOT_CONFIGURED',
          'No messaging channels are set up on this worker',
          false,
        );
      const to = renderText(config.to, scope).trim();
      if (!to) throw new NodeError('RECIPIENT_MISSING', `"To" rendered empty from ${config.to}`, false);
      const mediaUrl = config.mediaUrl ? renderText(config.mediaUrl, scope).trim() : '';
      const channel = resolveChannel(config.channel, scope);
      // More options than WhatsApp's reply buttons hold become a list there; other channels show
      // them as numbered options (SMS) or chips (web chat).
      const text = config.template.trim()
        ? await savedText(config.template.trim(), config.language, scope, deps)
        : renderText(config.text, scope);
      if (channel === 'email') {
        // By mail, options are numbered lines and the message goes in the person's thread.
        // A file goes as an attachment. Addresses are compared lower-cased (consent, threads).
        const address = to.toLowerCase();
        const body = withNumberedOptions(text, config.buttons);
        const mail = await conversationMail(address, body, scope, deps);
        const message = {
          to: address,
          text: body,
          email: mediaUrl
            ? { ...mail, attachments: [{ filename: fileNameOf(mediaUrl), url: mediaUrl }] }
            : mail,
        };
        return sendOrFail(deps, channel, message, { channel, ...message });
      }
      const options =
        channel === 'whatsapp'
          ? whatsAppOptions(config.buttons, config.listButton)
          : config.buttons.length > 0
            ? { buttons: config.buttons }
            : {};
      const message = {
        to,
        text,
        ...options,
        ...(mediaUrl ? { media: { kind: config.mediaKind, url: mediaUrl } } : {}),
      };
      return sendOrFail(deps, channel, message, { channel, ...message });
    },
  },
});
