import { z } from 'zod';
import type { AudioSource, Call, SayOptions, SpeechPrompt } from '../sdk/call.ts';
import { defineNode, rowPorts } from '../sdk/define-node.ts';
import { uiLabel } from '../sdk/ui-label.ts';
import { durationSchema, parseDuration } from '../sdk/duration.ts';
import { renderText } from '../sdk/expressions/templates.ts';
import { callActivityOptions, callerHungUp, liveCall, onCall } from './live-call.ts';
import { promptFollowers, startNextPrompt } from './prompt-prefetch.ts';
import { spokenPromptFields } from './spoken-prompt-fields.ts';
import { recordedPromptOf, textOrRecordedPrompt } from './recorded-prompt.ts';
import { retryRecordedPromptField, sayBeforeAskingAgain } from './retry-prompts.ts';
import { outputField } from '../sdk/output-schema.ts';
import { saveAnswerAsField, savingAnswer } from '../sdk/save-answer-as.ts';

const option = z.object({
  digit: z
    .string()
    .regex(/^[0-9*#]$/, 'One key: 0-9, * or #')
    .meta(uiLabel('Key', 'Tecla')),
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'A port id has only letters, digits, - and _')
    .refine((id) => id !== 'timeout' && id !== 'invalid', 'timeout and invalid are the menu’s own ports')
    .meta(uiLabel('Port id', 'Id del puerto')),
  label: z.string().default('').meta(uiLabel('Label', 'Etiqueta')),
});

const optionalText = (en: string, es: string) =>
  z
    .string()
    .default('')
    .meta({ ui: { widget: 'template', label: { en, es } } });

export const voiceMenu = defineNode({
  type: 'voice.menu',
  version: 1,
  title: { en: 'Key menu', es: 'Menú de teclas' },
  description: {
    en: 'Reads the options and goes on by the key the caller presses; asks again on silence or a wrong key.',
    es: 'Lee las opciones y sigue por la tecla que pulse quien llama; repite si no pulsa nada o pulsa otra.',
  },
  category: 'voice',
  icon: 'grid-3x3',
  portDescriptions: {
    timeout: {
      en: 'The caller pressed no key, even after hearing the menu again.',
      es: 'Quien llama no pulsó ninguna tecla, ni tras oír el menú de nuevo.',
    },
    invalid: {
      en: 'The caller pressed a key that is not an option.',
      es: 'Quien llama pulsó una tecla que no es ninguna opción.',
    },
  },
  rowPortDescription: {
    en: 'The caller pressed this option’s key.',
    es: 'Quien llama pulsó la tecla de esta opción.',
  },
  summary: [{ field: 'recordedPrompt' }, { field: 'prompt' }, { rows: 'options', show: ['digit', 'label'] }],
  ports: rowPorts('options', ['timeout', 'invalid']),
  languageDefaults: {
    invalidPrompt: { en: 'That is not one of the options.', es: 'Opción no válida.' },
    noInputPrompt: { en: 'We did not receive any option.', es: 'No hemos recibido ninguna opción.' },
  },
  config: z
    .object({
      ...spokenPromptFields,
      options: z
        .array(option)
        .min(1, 'Add at least one option')
        .refine((list) => new Set(list.map((o) => o.digit)).size === list.length, 'Each key once')
        .refine((list) => new Set(list.map((o) => o.id)).size === list.length, 'Port ids must be unique')
        .meta({ ui: { widget: 'rows', label: { en: 'Options', es: 'Opciones' } } }),
      timeout: durationSchema
        .default('PT5S')
        .meta({ ui: { widget: 'duration', label: { en: 'Wait for a key', es: 'Esperar una tecla' } } }),
      maxRetries: z.number().int().min(0).max(5).default(2).meta(uiLabel('Asks again', 'Repeticiones')),
      invalidPrompt: optionalText('Said after a wrong key', 'Locución si pulsa otra tecla').default(
        'Opción no válida.',
      ),
      invalidRecordedPrompt: retryRecordedPromptField(
        'Recorded audio after a wrong key (instead of its text)',
        'Audio grabado si pulsa otra tecla (en lugar de su locución)',
      ),
      noInputPrompt: optionalText('Said when no key comes', 'Locución si no pulsa nada').default(
        'No hemos recibido ninguna opción.',
      ),
      noInputRecordedPrompt: retryRecordedPromptField(
        'Recorded audio when no key comes (instead of its text)',
        'Audio grabado si no pulsa nada (en lugar de su locución)',
      ),
      saveAs: saveAnswerAsField,
    })
    .superRefine(textOrRecordedPrompt('prompt')),
  compile: (node, ctx) => {
    const chosen = node.config.options.map((o) => o.id);
    const ports = [...chosen, 'timeout', 'invalid'];
    const fragment = ctx.runActivity({ ports, next: promptFollowers(ctx, ports) });
    return savingAnswer(fragment, node.id, chosen, 'option', node.config.saveAs);
  },
  activity: {
    options: callActivityOptions,
    output: z.object({
      digit: z.string().meta(outputField('Key pressed', 'Tecla pulsada', '1')),
      option: z
        .string()
        .optional()
        .meta(outputField('Option chosen', 'Opción elegida', 'ventas')),
      attempts: z.number().meta(outputField('Attempts', 'Intentos', 1)),
    }),
    async run(config, scope, deps) {
      const call = liveCall(scope, deps);
      const speech: SayOptions = {
        language: config.language,
        ...(config.voice ? { voice: config.voice } : {}),
      };
      const timeoutMs = parseDuration(config.timeout) ?? 5000;
      const recorded = await recordedPromptOf(config.recordedPrompt, call, deps);
      let last: 'timeout' | 'invalid' = 'timeout';
      let digit = '';
      for (let attempt = 1; attempt <= config.maxRetries + 1; attempt++) {
        if (attempt > 1)
          await sayBeforeAskingAgain(
            call,
            deps,
            last === 'invalid' ? config.invalidRecordedPrompt : config.noInputRecordedPrompt,
            () => renderText(last === 'invalid' ? config.invalidPrompt : config.noInputPrompt, scope),
            speech,
          );
        const prompt = recorded ?? {
          kind: 'speech' as const,
          text: renderText(config.prompt, scope),
          ...speech,
        };
        const result = await gatherOne(call, prompt, timeoutMs);
        if (result.reason === 'hangup') throw callerHungUp(call.id);
        digit = result.digits;
        const chosen = config.options.find((o) => o.digit === digit);
        if (chosen) {
          const output = { digit, option: chosen.id, attempts: attempt };
          startNextPrompt(call, deps, chosen.id, scope, output);
          return { port: chosen.id, output };
        }
        last = digit ? 'invalid' : 'timeout';
      }
      const output = { digit, attempts: config.maxRetries + 1 };
      startNextPrompt(call, deps, last, scope, output);
      return { port: last, output };
    },
  },
});

/** Says the prompt and waits for one key; the first key cuts the prompt off (barge-in). */
async function gatherOne(call: Call, prompt: AudioSource | SpeechPrompt, timeoutMs: number) {
  return onCall(call, () => call.gather({ prompt, maxDigits: 1, timeoutMs }));
}
