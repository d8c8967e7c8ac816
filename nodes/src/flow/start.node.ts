import { z } from 'zod';
import { defineNode } from '../sdk/define-node.ts';

export const flowStart = defineNode({
  type: 'flow.start',
  version: 1,
  title: { en: 'Start', es: 'Inicio' },
  description: {
    en: 'Where a run begins when it is started from the API or by hand.',
    es: 'Donde empieza una ejecución iniciada desde la API o a mano.',
  },
  category: 'flow',
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
  }),
  compile: (node, ctx) => ({
    entry: [{ type: 'saveInput', params: { nodeId: node.id } }],
    always: { target: ctx.target('next'), actions: [ctx.leave('next')] },
  }),
});
