import { z } from 'zod';
import { outputField } from '../sdk/output-schema.ts';
import type { AudioSource } from '../drivers/voice/voice-driver.ts';
import { defineNode } from '../sdk/define-node.ts';
import { renderText } from '../sdk/expressions/templates.ts';
import { NodeError } from '../sdk/node-error.ts';
import { callActivityOptions, liveCall, onCall } from './live-call.ts';
import { playAudioOnce } from './prompt-prefetch.ts';

/** An http(s) address is fetched; anything else is a file the worker can read (8 kHz mono WAV). */
export function audioSourceOf(location: string): AudioSource {
  return /^https?:\/\//i.test(location) ? { kind: 'url', url: location } : { kind: 'file', path: location };
}

export const voicePlay = defineNode({
  type: 'voice.play',
  version: 1,
  title: { en: 'Play audio', es: 'Reproducir audio' },
  description: {
    en: 'Plays a recorded audio (a URL or a WAV file on the worker) to the caller.',
    es: 'Reproduce un audio grabado (una URL o un archivo WAV del worker) a quien llama.',
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
      .meta({ ui: { widget: 'template', label: { en: 'Audio URL or file', es: 'URL o archivo de audio' } } }),
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
      await onCall(call, () => playAudioOnce(call, audioSourceOf(audio)));
      return { port: 'next', output: { audio } };
    },
  },
});
