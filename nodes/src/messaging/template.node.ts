import { z } from 'zod';
import { sentMessageOutput } from '../sdk/output-schema.ts';
import { defineNode } from '../sdk/define-node.ts';
import { renderText } from '../sdk/expressions/templates.ts';
import { sendOrFail } from './send-or-fail.ts';

export const messageTemplate = defineNode({
  type: 'message.template',
  version: 1,
  title: { en: 'WhatsApp template', es: 'Plantilla de WhatsApp' },
  description: {
    en: 'Sends a pre-approved WhatsApp template: the only message allowed 24 h after the person last wrote.',
    es: 'Envía una plantilla de WhatsApp aprobada: el único mensaje permitido 24 h después del último mensaje de la persona.',
  },
  category: 'messaging',
  icon: 'file-text',
  portDescriptions: {
    sent: { en: 'The template was handed to WhatsApp.', es: 'La plantilla se entregó a WhatsApp.' },
    failed: { en: 'The template could not be sent.', es: 'No se pudo enviar la plantilla.' },
  },
  summary: [{ field: 'name', label: { en: 'Template', es: 'Plantilla' } }],
  ports: ['sent', 'failed'],
  config: z.object({
    to: z
      .string()
      .min(1, 'Say who receives it')
      .default('{{ input.from }}')
      .meta({ ui: { widget: 'template', label: { en: 'To', es: 'Para' } } }),
    name: z
      .string()
      .regex(/^[a-z0-9_]+$/, 'Template names are lower case letters, digits and _ (as in WhatsApp Manager)')
      .meta({ ui: { label: { en: 'Template name', es: 'Nombre de la plantilla' } } }),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'A language code such as es, es_MX or en_US')
      .default('es')
      .meta({ ui: { label: { en: 'Language', es: 'Idioma' } } }),
    parameters: z
      .array(z.object({ value: z.string() }))
      .default([])
      .meta({
        ui: {
          widget: 'rows',
          label: { en: 'Body parameters {{1}}, {{2}}…', es: 'Parámetros {{1}}, {{2}}…' },
        },
      }),
  }),
  compile: (_node, ctx) => ctx.runActivity({ ports: ['sent', 'failed'], errorPort: 'failed' }),
  activity: {
    options: {
      startToCloseTimeout: '2m',
      retry: { maximumAttempts: 5, initialInterval: '2s', backoffCoefficient: 2 },
    },
    output: sentMessageOutput,
    async run(config, scope, deps) {
      const message = {
        to: renderText(config.to, scope).trim(),
        template: {
          name: config.name,
          language: config.language,
          parameters: config.parameters.map((p) => renderText(p.value, scope)),
        },
      };
      return sendOrFail(deps, 'whatsapp', message, message);
    },
  },
});
