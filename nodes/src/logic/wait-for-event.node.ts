import { z } from 'zod';
import { defineNode } from '../sdk/define-node.ts';
import { durationSchema, parseDuration } from '../sdk/duration.ts';

export const logicWaitForEvent = defineNode({
  type: 'logic.wait-for-event',
  version: 1,
  title: { en: 'Wait for event', es: 'Esperar un evento' },
  description: {
    en: 'Waits until an event with this name is sent to the run, or the timeout passes.',
    es: 'Espera hasta que llegue a la ejecución un evento con este nombre, o venza el plazo.',
  },
  category: 'logic',
  icon: 'bell',
  portDescriptions: {
    received: { en: 'The event arrived before the timeout.', es: 'El evento llegó antes del tiempo límite.' },
    timeout: { en: 'The time passed without the event.', es: 'Pasó el tiempo sin que llegara el evento.' },
  },
  summary: [
    { field: 'event', label: { en: 'Event', es: 'Evento' } },
    { field: 'timeout', as: 'duration', label: { en: 'At most', es: 'Como máximo' } },
  ],
  waits: true,
  ports: ['received', 'timeout'],
  requiredPorts: ['timeout'],
  config: z.object({
    event: z
      .string()
      .regex(
        /^[A-Za-z][A-Za-z0-9_.:-]*$/,
        'An event name starts with a letter; letters, digits, _ . : - after',
      )
      .refine((name) => !name.startsWith('xstate.'), 'Event names starting with "xstate." are reserved')
      .meta({ ui: { label: { en: 'Event name', es: 'Nombre del evento' } } }),
    timeout: durationSchema.meta({
      ui: { widget: 'duration', label: { en: 'Timeout', es: 'Tiempo máximo' } },
    }),
  }),
  compile: (node, ctx) => ({
    on: {
      [node.config.event]: {
        target: ctx.target('received'),
        actions: [{ type: 'saveEvent', params: { nodeId: node.id } }, ctx.leave('received')],
      },
    },
    after: {
      [String(parseDuration(node.config.timeout))]: {
        target: ctx.target('timeout'),
        actions: [ctx.leave('timeout')],
      },
    },
  }),
});
