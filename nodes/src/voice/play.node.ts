import { z } from 'zod';
import { outputField } from '../sdk/output-schema.ts';
import { defineNode } from '../sdk/define-node.ts';
import { renderText } from '../sdk/expressions/templates.ts';
import { NodeError } from '../sdk/node-error.ts';
import { callActivityOptions, liveCall, onCall } from './live-call.ts';
import { playAudioOnce } from './prompt-prefetch.ts';
import { resolveAudio } from './recorded-prompt.ts';

export { audioSourceOf } from './recorded-prompt.ts';

export const voicePlay = defineNode({
  type: 'voice.play',
  version: 1,
  title: { en: 'Play audio', es: 'Reproducir audio' },
  description: {
    en: 'Plays a recorded audio to the caller: one of the workspace’s prompts, a URL or a WAV file on the worker.',
    es: 'Reproduce un audio grabado a quien llama: uno de los audios del espacio de trabajo, una URL o un archivo WAV del worker.',
  },
  category: 'voice',
  icon: 'audio-lines',
  portDescriptions: {
    next: { en: 'Goes on when the audio has played.', es: 'Sigue cuando termina el audio.' },
  },
  summary: [{ field: 'audio' }],
  ports: ['next'],
  config: z.object({
    audio: z
      .string()
      .min(1, 'Give the audio URL or file')
      .meta({
        ui: {
          // A workspace prompt (`prompt:<id>`) picked from the list, or a URL/file typed in.
          widget: 'voice-prompt',
          allowLocation: true,
          label: { en: 'Audio', es: 'Audio' },
        },
      }),
  }),
  compile: (_node, ctx) => ctx.runActivity({ ports: ['next'] }),
  activity: {
    options: callActivityOptions,
    output: z.object({
      audio: z.string().meta(outputField('Audio played', 'Audio reproducido', 'bienvenida.wav')),
    }),
    async run(config, scope, deps) {
      const call = liveCall(scope, deps);
      const audio = renderText(config.audio, scope).trim();
      if (!audio)
        throw new NodeError('AUDIO_MISSING', `The audio rendered empty from ${config.audio}`, false);
      // The menu before may have started this very audio as the key came in (prompt-prefetch.ts).
      const source = await resolveAudio(audio, call, deps);
      await onCall(call, () => playAudioOnce(call, source));
      return { port: 'next', output: { audio } };
    },
  },
});
