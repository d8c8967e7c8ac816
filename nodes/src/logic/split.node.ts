import { z } from 'zod';
import { defineNode } from '../sdk/define-node.ts';
import { conditionOperators } from '../sdk/expressions/conditions.ts';

const label = (en: string, es: string) => ({ ui: { label: { en, es } } });

const condition = z.object({
  left: z.string().meta({ ui: { widget: 'template', label: { en: 'Value', es: 'Valor' } } }),
  operator: z
    .enum(conditionOperators)
    .meta({ ui: { widget: 'select', label: { en: 'Operator', es: 'Operador' } } }),
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
    .meta(label('Port id', 'Id del puerto')),
  label: z.string().default('').meta(label('Label', 'Etiqueta')),
  match: z
    .enum(['all', 'any'])
    .default('all')
    .meta({ ui: { widget: 'select', label: { en: 'Match', es: 'Coincidir' } } }),
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
    es: 'Lleva la ejecución por la primera rama cuyas condiciones se cumplan, o por "else".',
  },
  category: 'logic',
  icon: 'split',
  ports: (config) => [...config.branches.map((b) => b.id), 'else'],
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
        guard: { type: 'matches', params: { match: b.match, conditions: b.conditions } },
        target: ctx.target(b.id),
        actions: [
          { type: 'setNodeOutput', params: { nodeId: node.id, output: { branch: b.id } } },
          ctx.leave(b.id),
        ],
      })),
      {
        target: ctx.target('else'),
        actions: [
          { type: 'setNodeOutput', params: { nodeId: node.id, output: { branch: 'else' } } },
          ctx.leave('else'),
        ],
      },
    ],
  }),
});
