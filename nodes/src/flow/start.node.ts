import { z } from 'zod';
import { defineNode } from '../sdk/define-node.ts';
import { uiLabel } from '../sdk/ui-label.ts';

// What a run started here is given, declared so the builder's test run asks for it in a form.
const input = z.object({
  label: z.string().min(1, 'Say what this input is').meta(uiLabel('What it is', 'Qué es')),
  name: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'A name has letters, digits and _ and does not start with a digit')
    .meta(uiLabel('Name in the flow (input.name)', 'Nombre en el flujo (input.nombre)')),
  type: z
    .enum(['text', 'number', 'boolean'])
    .default('text')
    .meta({
      ui: {
        widget: 'select',
        label: { en: 'Kind', es: 'Tipo' },
        optionLabels: {
          text: { en: 'Text', es: 'Texto' },
          number: { en: 'Number', es: 'Número' },
          boolean: { en: 'Yes or no', es: 'Sí o no' },
        },
      },
    }),
  // A flow that runs this one (flow.call) cannot be published without giving a required input.
  required: z
    .boolean()
    .default(false)
    .meta(uiLabel('A calling flow must give it', 'Un flujo que lo llama debe darlo')),
});

export const flowStart = defineNode({
  type: 'flow.start',
  version: 1,
  title: { en: 'Start', es: 'Inicio' },
  description: {
    en: 'Where a run begins when it is started from the API or by hand.',
    es: 'Donde empieza una ejecución iniciada desde la API o a mano.',
  },
  category: 'flow',
  pure: true,
  icon: 'play',
  portDescriptions: {
    next: { en: 'Where the run begins.', es: 'Por donde empieza la ejecución.' },
  },
  summary: [{ field: 'trigger', as: 'choice', label: { en: 'Started from', es: 'Se inicia desde' } }],
  trigger: true,
  ports: ['next'],
  config: z.object({
    trigger: z
      .enum(['api', 'manual'])
      .default('api')
      .meta({
        ui: {
          widget: 'select',
          label: { en: 'Started by', es: 'Iniciado por' },
          optionLabels: {
            api: { en: 'the API', es: 'la API' },
            manual: { en: 'a person', es: 'una persona' },
          },
        },
      }),
    inputs: z
      .array(input)
      .max(50, 'At most 50 inputs')
      .refine((list) => new Set(list.map((i) => i.name)).size === list.length, 'Each name once')
      .optional()
      .meta({ ui: { widget: 'rows', label: { en: 'Inputs it is given', es: 'Datos que recibe' } } }),
  }),
  compile: (node, ctx) => ({
    entry: [{ type: 'saveInput', params: { nodeId: node.id } }],
    always: { target: ctx.target('next'), actions: [ctx.leave('next')] },
  }),
});
