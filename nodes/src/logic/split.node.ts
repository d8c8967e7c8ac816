import { z } from 'zod';
import { outputField } from '../sdk/output-schema.ts';
import { defineNode, rowPorts } from '../sdk/define-node.ts';
import { uiLabel } from '../sdk/ui-label.ts';
import { conditionOperators } from '../sdk/expressions/conditions.ts';
import { action, guard } from '../sdk/instructions/index.ts';

const operatorLabels = {
  equals: { en: 'equals', es: 'es igual a' },
  not_equals: { en: 'does not equal', es: 'no es igual a' },
  contains: { en: 'contains', es: 'contiene' },
  starts_with: { en: 'starts with', es: 'empieza por' },
  gt: { en: 'is greater than', es: 'es mayor que' },
  gte: { en: 'is at least', es: 'es mayor o igual que' },
  lt: { en: 'is less than', es: 'es menor que' },
  lte: { en: 'is at most', es: 'es menor o igual que' },
  is_empty: { en: 'is empty', es: 'está vacío' },
  is_not_empty: { en: 'is not empty', es: 'no está vacío' },
  matches_regex: { en: 'matches the regular expression', es: 'cumple la expresión regular' },
} satisfies Record<(typeof conditionOperators)[number], { en: string; es: string }>;

const condition = z.object({
  left: z.string().meta({ ui: { widget: 'template', label: { en: 'Value', es: 'Valor' } } }),
  operator: z.enum(conditionOperators).meta({
    ui: { widget: 'select', label: { en: 'Operator', es: 'Operador' }, optionLabels: operatorLabels },
  }),
  right: z
    .string()
    .optional()
    .meta({ ui: { widget: 'template', label: { en: 'Compare with', es: 'Comparar con' } } }),
});

const branch = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'A branch id has only letters, digits, - and _')
    .refine((id) => id !== 'else', 'The branch id "else" is reserved for the fallback port')
    .meta(uiLabel('Port id', 'Id del puerto')),
  label: z.string().default('').meta(uiLabel('Label', 'Etiqueta')),
  match: z
    .enum(['all', 'any'])
    .default('all')
    .meta({
      ui: {
        widget: 'select',
        label: { en: 'Match', es: 'Coincidir' },
        optionLabels: {
          all: { en: 'all conditions', es: 'todas las condiciones' },
          any: { en: 'any condition', es: 'alguna condición' },
        },
      },
    }),
  conditions: z
    .array(condition)
    .min(1, 'A branch needs at least one condition')
    .meta({ ui: { widget: 'rows' } }),
});

export const logicSplit = defineNode({
  type: 'logic.split',
  version: 1,
  title: { en: 'Split', es: 'Bifurcación' },
  description: {
    en: 'Sends the run down the first branch whose conditions match, or else.',
    es: 'Lleva la ejecución por la primera rama cuyas condiciones se cumplan, o por «si no».',
  },
  category: 'logic',
  pure: true,
  icon: 'git-branch',
  portDescriptions: {
    else: { en: 'No branch matched.', es: 'No se cumplió ninguna rama.' },
  },
  rowPortDescription: {
    en: 'The first branch whose conditions match.',
    es: 'La primera rama cuyas condiciones se cumplen.',
  },
  summary: [{ rows: 'branches', show: ['label', { field: 'conditions', as: 'conditions' }], join: ': ' }],
  ports: rowPorts('branches', ['else']),
  output: z.object({ branch: z.string().meta(outputField('Branch taken', 'Rama tomada', 'vip')) }),
  config: z.object({
    branches: z
      .array(branch)
      .min(1, 'Add at least one branch')
      .refine((list) => new Set(list.map((b) => b.id)).size === list.length, 'Branch ids must be unique')
      .meta({ ui: { widget: 'rows', label: { en: 'Branches', es: 'Ramas' } } }),
  }),
  compile: (node, ctx) => ({
    always: [
      ...node.config.branches.map((b) => ({
        guard: guard('matches', { match: b.match, conditions: b.conditions }),
        target: ctx.target(b.id),
        actions: [action('setNodeOutput', { nodeId: node.id, output: { branch: b.id } }), ctx.leave(b.id)],
      })),
      {
        target: ctx.target('else'),
        actions: [
          action('setNodeOutput', { nodeId: node.id, output: { branch: 'else' } }),
          ctx.leave('else'),
        ],
      },
    ],
  }),
});
