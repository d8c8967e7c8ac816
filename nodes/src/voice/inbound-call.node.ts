import { z } from 'zod';
import { outputField } from '../sdk/output-schema.ts';
import { defineNode } from '../sdk/define-node.ts';

export const voiceInboundCall = defineNode({
  type: 'voice.inbound-call',
  version: 1,
  title: { en: 'Incoming call', es: 'Llamada entrante' },
  description: {
    en: 'Starts a run when someone calls one of these numbers on the voice endpoint.',
    es: 'Inicia una ejecución cuando alguien llama a uno de estos números en el punto de voz.',
  },
  category: 'voice',
  icon: 'phone-incoming',
  portDescriptions: {
    next: {
      en: 'Where the run begins when the call is answered.',
      es: 'Por donde empieza la ejecución al contestar la llamada.',
    },
  },
  summary: [{ field: 'numbers', label: { en: 'Numbers', es: 'Números' } }],
  trigger: true,
  ports: ['next'],
  // The call that started the run (its input, also this node's output).
  output: z.object({
    callId: z.string().meta(outputField('Call id', 'Id de la llamada', 'call-1')),
    from: z.string().meta(outputField('Caller number', 'Número de quien llama', '+34600111222')),
    to: z.string().meta(outputField('Number called', 'Número marcado', '+34910000000')),
  }),
  config: z.object({
    numbers: z
      .array(z.string().trim().min(1, 'Write the number'))
      .min(1, 'Add at least one number this flow answers')
      .meta({
        ui: { widget: 'rows', label: { en: 'Numbers it answers', es: 'Números que atiende' } },
      }),
  }),
  // The call is the run's input: { callId, from, to }; voice nodes find the call by its id.
  compile: (node, ctx) => ({
    entry: [{ type: 'saveInput', params: { nodeId: node.id } }],
    always: { target: ctx.target('next'), actions: [ctx.leave('next')] },
  }),
});

const digitsOnly = (number: string) => number.replace(/[\s().-]/g, '');

/** Does a flow whose trigger has this config answer a call to `to` (the dialled number)? */
export function answersCall(config: { numbers: readonly string[] }, to: string): boolean {
  return config.numbers.some((number) => digitsOnly(number) === digitsOnly(to));
}
