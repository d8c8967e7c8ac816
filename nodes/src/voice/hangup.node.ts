import { z } from 'zod';
import { outputField } from '../sdk/output-schema.ts';
import { defineNode } from '../sdk/define-node.ts';
import { callActivityOptions, liveCall } from './live-call.ts';

export const voiceHangup = defineNode({
  type: 'voice.hangup',
  version: 1,
  title: { en: 'Hang up', es: 'Colgar' },
  description: { en: 'Ends the call.', es: 'Termina la llamada.' },
  category: 'voice',
  icon: 'phone-off',
  portDescriptions: {
    next: {
      en: 'After the call ends (for closing work, such as saving a result).',
      es: 'Después de colgar (para tareas de cierre, como guardar un resultado).',
    },
  },
  summary: [],
  ports: ['next'],
  config: z.object({}),
  compile: (_node, ctx) => ctx.runActivity({ ports: ['next'] }),
  activity: {
    options: callActivityOptions,
    output: z.object({ hungUp: z.boolean().meta(outputField('Hung up', 'Colgada', true)) }),
    async run(_config, scope, deps) {
      // Hanging up a call that already ended is a no-op: the flow wanted it over, and it is.
      await liveCall(scope, deps).hangup();
      return { port: 'next', output: { hungUp: true } };
    },
  },
});
