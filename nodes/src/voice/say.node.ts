import { z } from 'zod';
import { outputField } from '../sdk/output-schema.ts';
import { defineNode } from '../sdk/define-node.ts';
import { renderText } from '../sdk/expressions/templates.ts';
import { callActivityOptions, languageSchemaOptions, liveCall, onCall } from './live-call.ts';
import { playAudioOnce, sayOnce } from './prompt-prefetch.ts';
import { recordedPromptField, recordedPromptOf, textOrRecordedPrompt } from './recorded-prompt.ts';

export const voiceSay = defineNode({
  type: 'voice.say',
  version: 1,
  title: { en: 'Say', es: 'Decir' },
  description: {
    en: 'Reads a text to the caller with text-to-speech.',
    es: 'Lee un texto a quien llama con síntesis de voz.',
  },
  category: 'voice',
  icon: 'volume-2',
  portDescriptions: {
    next: { en: 'Goes on when the text has been read.', es: 'Sigue cuando termina de leer el texto.' },
  },
  summary: [{ field: 'recordedPrompt' }, { field: 'text' }],
  ports: ['next'],
  config: z
    .object({
      // Needed only without a recording: textOrRecordedPrompt (and the inspector, by requiredUnless).
      text: z
        .string()
        .default('')
        .meta({
          ui: { widget: 'template', label: { en: 'Text', es: 'Texto' }, requiredUnless: 'recordedPrompt' },
        }),
      language: z.enum(['es', 'en']).default('es').meta({ ui: languageSchemaOptions }),
      voice: z
        .string()
        .optional()
        .meta({ ui: { label: { en: 'Voice (empty: default)', es: 'Voz (vacío: la predeterminada)' } } }),
      recordedPrompt: recordedPromptField,
    })
    .superRefine(textOrRecordedPrompt('text')),
  compile: (_node, ctx) => ctx.runActivity({ ports: ['next'] }),
  activity: {
    options: callActivityOptions,
    output: z.object({ text: z.string().meta(outputField('Text said', 'Texto dicho', 'Bienvenido')) }),
    async run(config, scope, deps) {
      const call = liveCall(scope, deps);
      const recorded = await recordedPromptOf(config.recordedPrompt, call, deps);
      // With a recording the text is only its transcript, and may be empty: nothing is read aloud.
      const text = config.text.trim() ? renderText(config.text, scope) : '';
      // The menu before may have started this very prompt as the key came in (prompt-prefetch.ts).
      await onCall(call, () =>
        recorded
          ? playAudioOnce(call, recorded)
          : sayOnce(call, text, {
              language: config.language,
              ...(config.voice ? { voice: config.voice } : {}),
            }),
      );
      return { port: 'next', output: { text } };
    },
  },
});
