import { z } from 'zod';
import { outputField } from '../sdk/output-schema.ts';
import { defineNode, rowPorts } from '../sdk/define-node.ts';
import { uiLabel } from '../sdk/ui-label.ts';
import { action, guard } from '../sdk/instructions/index.ts';
import { abSplitInstructions } from './ab-split.instructions.ts';

const branch = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'A branch id has only letters, digits, - and _')
    .meta(uiLabel('Port id', 'Id del puerto')),
  label: z.string().default('').meta(uiLabel('Label', 'Etiqueta')),
  share: z
    .number()
    .int('A share is a whole percentage')
    .min(1, 'A branch gets at least 1 %')
    .max(99, 'A branch gets at most 99 %')
    .meta(uiLabel('Share (%)', 'Porcentaje (%)')),
});

export const logicAbSplit = defineNode({
  type: 'logic.ab-split',
  version: 1,
  title: { en: 'A/B split', es: 'División A/B' },
  description: {
    en: 'Sends each run down one branch by percentages: the same person always takes the same branch; without a known person, the run is split at random.',
    es: 'Reparte las ejecuciones entre las ramas según porcentajes: la misma persona va siempre por la misma rama; si no se sabe quién es, al azar.',
  },
  category: 'logic',
  pure: true,
  icon: 'shuffle',
  rowPortDescription: {
    en: 'The run takes this branch in its share of the runs.',
    es: 'La ejecución sigue por esta rama en su porcentaje de las ejecuciones.',
  },
  summary: [{ rows: 'branches', show: ['label', { field: 'share', as: 'percent' }] }],
  ports: rowPorts('branches', []),
  output: z.object({ branch: z.string().meta(outputField('Branch taken', 'Rama tomada', 'vip')) }),
  config: z.object({
    branches: z
      .array(branch)
      .min(2, 'Add at least two branches')
      .max(10, 'At most 10 branches')
      .refine((list) => new Set(list.map((b) => b.id)).size === list.length, 'Branch ids must be unique')
      .superRefine((list, ctx) => {
        const total = list.reduce((sum, b) => sum + b.share, 0);
        if (total !== 100)
          ctx.addIssue({
            code: 'custom',
            message: `The shares add up to ${total} %: make them add up to 100 %`,
          });
      })
      .meta({ ui: { widget: 'rows', label: { en: 'Branches', es: 'Ramas' } } }),
    by: z
      .string()
      .default('')
      .meta({
        ui: {
          widget: 'template',
          label: {
            en: 'Same branch for (empty: the contact the trigger names)',
            es: 'Misma rama para (vacío: el contacto del disparador)',
          },
        },
      }),
  }),
  instructions: abSplitInstructions,
  // Cumulative shares: bucket < 30 → first, < 30+50 → second…, the last takes the rest.
  compile: (node, ctx) => {
    const { branches, by } = node.config;
    let upTo = 0;
    return {
      always: branches.map((b, i) => {
        upTo += b.share;
        const leave = [
          action('setNodeOutput', { nodeId: node.id, output: { branch: b.id } }),
          ctx.leave(b.id),
        ];
        return i < branches.length - 1
          ? {
              guard: guard('abBucketBelow', { nodeId: node.id, upTo, by }),
              target: ctx.target(b.id),
              actions: leave,
            }
          : { target: ctx.target(b.id), actions: leave };
      }),
    };
  },
});
