import { z } from 'zod';
import { defineNode } from '../sdk/define-node.ts';

const variableName = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]*$/,
    'A variable name starts with a letter or _ and has only letters, digits and _',
  );

export const logicSet = defineNode({
  type: 'logic.set',
  version: 1,
  title: { en: 'Set variables', es: 'Asignar variables' },
  description: {
    en: 'Stores values in run variables; a value is a Liquid template or JSON.',
    es: 'Guarda valores en variables de la ejecución; cada valor es una plantilla Liquid o JSON.',
  },
  category: 'logic',
  pure: true,
  icon: 'variable',
  portDescriptions: {
    next: { en: 'Goes on once the variables are set.', es: 'Sigue cuando las variables quedan guardadas.' },
  },
  summary: [{ rows: 'assignments', show: ['name', 'value'], join: ' = ' }],
  ports: ['next'],
  config: z.object({
    assignments: z
      .array(
        z.object({
          name: variableName.meta({ ui: { label: { en: 'Variable', es: 'Variable' } } }),
          value: z.json().meta({ ui: { widget: 'template', label: { en: 'Value', es: 'Valor' } } }),
        }),
      )
      .min(1, 'Add at least one assignment')
      .meta({ ui: { widget: 'rows', label: { en: 'Assignments', es: 'Asignaciones' } } }),
  }),
  compile: (node, ctx) => ({
    always: {
      target: ctx.target('next'),
      actions: [
        { type: 'setVars', params: { nodeId: node.id, assignments: node.config.assignments } },
        ctx.leave('next'),
      ],
    },
  }),
});
