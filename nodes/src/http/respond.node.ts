import { z } from 'zod';
import { outputField } from '../sdk/output-schema.ts';
import { defineNode } from '../sdk/define-node.ts';
import { action } from '../sdk/instructions/index.ts';
import { respondInstructions } from './respond.instructions.ts';

export const httpRespond = defineNode({
  type: 'http.respond',
  version: 1,
  title: { en: 'Answer the request', es: 'Responder a la petición' },
  description: {
    en: 'Answers the request that started the run (a “Webhook received” flow): status, headers and a body from a template or JSON. The run goes on after it.',
    es: 'Contesta a la petición que inició la ejecución (un flujo con «Webhook recibido»): estado, cabeceras y un cuerpo desde una plantilla o JSON. La ejecución sigue después.',
  },
  category: 'http',
  pure: true,
  icon: 'corner-down-left',
  portDescriptions: {
    next: {
      en: 'Goes on once the answer is on its way.',
      es: 'Sigue en cuanto la respuesta sale.',
    },
  },
  summary: [
    { field: 'status', label: { en: 'Status', es: 'Estado' } },
    { field: 'body', label: { en: 'Body', es: 'Cuerpo' } },
  ],
  ports: ['next'],
  instructions: respondInstructions,
  output: z.object({
    status: z.number().meta(outputField('Status code', 'Código de estado', 200)),
    headers: z
      .record(z.string(), z.string())
      .meta(outputField('Headers', 'Cabeceras', { 'content-type': 'application/json' })),
    body: z.string().meta(outputField('Body sent', 'Cuerpo enviado', '{"ok":true}')),
  }),
  config: z.object({
    status: z
      .string()
      .default('200')
      .meta({ ui: { widget: 'template', label: { en: 'Status code', es: 'Código de estado' } } }),
    headers: z
      .record(z.string(), z.string())
      .default({})
      .meta({ ui: { widget: 'key-value', template: true, label: { en: 'Headers', es: 'Cabeceras' } } }),
    bodyType: z
      .enum(['json', 'text'])
      .default('json')
      .meta({
        ui: {
          widget: 'select',
          label: { en: 'Body is', es: 'El cuerpo es' },
          optionLabels: {
            json: { en: 'JSON', es: 'JSON' },
            text: { en: 'Text (Liquid template)', es: 'Texto (plantilla Liquid)' },
          },
        },
      }),
    body: z
      .string()
      .default('')
      .meta({
        ui: {
          widget: 'code',
          language: 'json',
          template: true,
          label: { en: 'Body', es: 'Cuerpo' },
          help: {
            en: 'JSON whose texts may be templates: "{{ vars.total }}" alone keeps its type (a number stays a number).',
            es: 'JSON cuyos textos pueden ser plantillas: "{{ vars.total }}" solo conserva su tipo (un número sigue siendo número).',
          },
        },
      }),
  }),
  compile: (node, ctx) => ({
    always: {
      target: ctx.target('next'),
      actions: [
        action('renderHttpResponse', {
          nodeId: node.id,
          status: node.config.status,
          headers: node.config.headers,
          bodyType: node.config.bodyType,
          body: node.config.body,
        }),
        ctx.leave('next'),
      ],
    },
  }),
});
