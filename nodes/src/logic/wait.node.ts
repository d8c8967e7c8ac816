import { z } from 'zod';
import { defineNode } from '../sdk/define-node.ts';
import { durationSchema, parseDuration } from '../sdk/duration.ts';

export const logicWait = defineNode({
  type: 'logic.wait',
  version: 1,
  title: { en: 'Wait', es: 'Esperar' },
  description: {
    en: 'Pauses the run for a while (2 hours, 3 days) or until a date and time.',
    es: 'Pausa la ejecución durante un tiempo (2 horas, 3 días) o hasta una fecha y hora.',
  },
  category: 'logic',
  icon: 'hourglass',
  portDescriptions: {
    next: { en: 'Goes on when the wait is over.', es: 'Sigue cuando termina la espera.' },
  },
  summary: [
    { field: 'duration', as: 'duration', label: { en: 'Waits', es: 'Espera' } },
    { field: 'until', label: { en: 'Until', es: 'Hasta' } },
  ],
  waits: true,
  ports: ['next'],
  config: z
    .object({
      duration: durationSchema
        .meta({ ui: { widget: 'duration', label: { en: 'Duration', es: 'Duración' } } })
        .optional(),
      until: z
        .string()
        .min(1)
        .optional()
        .meta({ ui: { widget: 'template', label: { en: 'Until (date-time)', es: 'Hasta (fecha y hora)' } } }),
    })
    .refine((c) => (c.duration === undefined) !== (c.until === undefined), {
      message: 'Set either a duration or an "until" date-time, not both',
    }),
  compile: (node, ctx) => {
    const next = { target: ctx.target('next'), actions: [ctx.leave('next')] };
    const { duration, until } = node.config;
    if (duration !== undefined) return { after: { [String(parseDuration(duration))]: next } };
    if (until === undefined)
      throw new Error(`logic.wait "${node.id}" has neither a duration nor a date-time`);
    // The due time is a template evaluated when the run arrives; an unreadable date fails the
    // run with a clear code instead of waiting forever.
    return {
      meta: { until },
      always: {
        guard: { type: 'untilInvalid', params: { until } },
        target: '__failed',
        actions: [{ type: 'fail', params: { nodeId: node.id, code: 'WAIT_UNTIL_INVALID', until } }],
      },
      after: { [`until:${node.id}`]: next },
    };
  },
});
