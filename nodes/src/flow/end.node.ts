import { z } from 'zod';
import { defineNode } from '../sdk/define-node.ts';

export const flowEnd = defineNode({
  type: 'flow.end',
  version: 1,
  title: { en: 'End', es: 'Fin' },
  description: {
    en: 'Finishes the run and sets its output from templates.',
    es: 'Termina la ejecución y define su salida con plantillas.',
  },
  category: 'flow',
  pure: true,
  icon: 'flag',
  summary: [{ field: 'output', as: 'keys', label: { en: 'Returns', es: 'Devuelve' } }],
  ports: [],
  config: z.object({
    output: z
      .record(z.string(), z.string())
      .default({})
      .meta({ ui: { widget: 'key-value', template: true, label: { en: 'Output', es: 'Salida' } } }),
  }),
  compile: (node) => ({
    type: 'final',
    entry: [{ type: 'setOutput', params: { nodeId: node.id, output: node.config.output } }],
  }),
});
