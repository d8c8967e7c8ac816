import { z } from 'zod';
import { outputField } from '../sdk/output-schema.ts';
import { saveAnswerAsField, savingAnswer } from '../sdk/save-answer-as.ts';
import type { SayOptions } from '../drivers/voice/voice-driver.ts';
import { defineNode } from '../sdk/define-node.ts';
import { uiLabel } from '../sdk/ui-label.ts';
import { durationSchema, parseDuration } from '../sdk/duration.ts';
import { renderText } from '../sdk/expressions/templates.ts';
import { callActivityOptions, callerHungUp, finishKeySchema, liveCall, onCall } from './live-call.ts';
import { promptFollowers, startNextPrompt } from './prompt-prefetch.ts';
import { spokenPromptFields } from './spoken-prompt-fields.ts';
import { defaultRetryPrompts, retryRecordedPromptField, sayBeforeAskingAgain } from './retry-prompts.ts';
import { recordedPromptOf, textOrRecordedPrompt } from './recorded-prompt.ts';

/** Without a digit count the caller ends with the finish key; this bounds a key held down forever. */
const maxDigitsWithoutCount = 32;

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

const retryText = (en: string, es: string) =>
  z
    .string()
    .optional()
    .meta({ ui: { widget: 'template', label: { en, es } } });

export const voiceGather = defineNode({
  type: 'voice.gather',
  version: 1,
  title: { en: 'Collect digits', es: 'Recoger dígitos' },
  description: {
    en: 'Asks for a number (a PIN, an account) on the keypad; checks it and asks again when it is wrong or missing.',
    es: 'Pide un número (un PIN, una cuenta) por el teclado; lo comprueba y vuelve a pedirlo si falta o no vale.',
  },
  category: 'voice',
  icon: 'hash',
  portDescriptions: {
    next: { en: 'The caller typed a number that fits.', es: 'Quien llama marcó un número válido.' },
    invalid: {
      en: 'The number did not fit, even after asking again.',
      es: 'El número no era válido, ni siquiera al volver a pedirlo.',
    },
    timeout: { en: 'The caller typed nothing.', es: 'Quien llama no marcó nada.' },
  },
  summary: [
    { field: 'recordedPrompt' },
    { field: 'prompt' },
    { field: 'digits', label: { en: 'Digits', es: 'Dígitos' } },
  ],
  ports: ['next', 'invalid', 'timeout'],
  config: z
    .object({
      ...spokenPromptFields,
      digits: z
        .number()
        .int()
        .min(0)
        .max(maxDigitsWithoutCount)
        .default(0)
        .meta(uiLabel('Digits (0: until the finish key)', 'Dígitos (0: hasta la tecla de fin)')),
      finishOnKey: finishKeySchema('Finish key', 'Tecla de fin'),
      timeout: durationSchema
        .default('PT5S')
        .meta({ ui: { widget: 'duration', label: { en: 'Wait for each key', es: 'Esperar cada tecla' } } }),
      pattern: z
        .string()
        .default('')
        .refine(compiles, 'Not a valid regular expression')
        .meta(
          uiLabel(
            'Valid when it matches (regex, empty: any)',
            'Válido si coincide (regex, vacío: cualquiera)',
          ),
        ),
      maxRetries: z.number().int().min(0).max(5).default(2).meta(uiLabel('Asks again', 'Repeticiones')),
      invalidPrompt: retryText(
        'Said after a wrong answer (empty: nothing)',
        'Locución si la respuesta no vale (vacío: nada)',
      ),
      invalidRecordedPrompt: retryRecordedPromptField(
        'Recorded audio after a wrong answer (instead of its text)',
        'Audio grabado si la respuesta no vale (en lugar de su locución)',
      ),
      noInputPrompt: retryText(
        'Said when no key comes (empty: nothing)',
        'Locución si no pulsa nada (vacío: nada)',
      ),
      noInputRecordedPrompt: retryRecordedPromptField(
        'Recorded audio when no key comes (instead of its text)',
        'Audio grabado si no pulsa nada (en lugar de su locución)',
      ),
      saveAs: saveAnswerAsField,
    })
    .refine((config) => config.digits > 0 || config.finishOnKey !== '', {
      message: 'Set a number of digits or a finish key, or the caller cannot end the input',
      path: ['digits'],
    })
    .superRefine(textOrRecordedPrompt('prompt')),
  compile: (node, ctx) => {
    const ports = ['next', 'invalid', 'timeout'];
    const fragment = ctx.runActivity({ ports, next: promptFollowers(ctx, ports) });
    return savingAnswer(fragment, node.id, ['next'], 'digits', node.config.saveAs);
  },
  activity: {
    // A caller typing a long number slowly can take minutes: heartbeats tell a live call from a dead process.
    options: { ...callActivityOptions, heartbeatTimeout: '30s' },
    output: z.object({
      digits: z.string().meta(outputField('Digits typed', 'Dígitos marcados', '1234')),
      attempts: z.number().meta(outputField('Attempts', 'Intentos', 1)),
    }),
    async run(config, scope, deps) {
      const call = liveCall(scope, deps);
      const speech: SayOptions = {
        language: config.language,
        ...(config.voice ? { voice: config.voice } : {}),
      };
      const timeoutMs = parseDuration(config.timeout) ?? 5000;
      // The whole answer must match, as a person reading the pattern would expect.
      const valid = config.pattern ? new RegExp(`^(?:${config.pattern})$`) : undefined;
      const again = {
        invalid: config.invalidPrompt ?? defaultRetryPrompts.invalid[config.language],
        timeout: config.noInputPrompt ?? defaultRetryPrompts.noInput[config.language],
      };
      const recorded = await recordedPromptOf(config.recordedPrompt, call, deps);
      let last: 'timeout' | 'invalid' = 'timeout';
      let digits = '';
      for (let attempt = 1; attempt <= config.maxRetries + 1; attempt++) {
        if (attempt > 1)
          await sayBeforeAskingAgain(
            call,
            deps,
            last === 'invalid' ? config.invalidRecordedPrompt : config.noInputRecordedPrompt,
            () => renderText(again[last], scope),
            speech,
          );
        const result = await onCall(call, () =>
          call.gather({
            prompt: recorded ?? { kind: 'speech', text: renderText(config.prompt, scope), ...speech },
            maxDigits: config.digits || maxDigitsWithoutCount,
            ...(config.finishOnKey ? { finishOnKey: config.finishOnKey } : {}),
            timeoutMs,
          }),
        );
        if (result.reason === 'hangup') throw callerHungUp(call.id);
        digits = result.digits;
        if (digits && (!valid || valid.test(digits))) {
          const output = { digits, attempts: attempt };
          // The say/play after the gather starts now, not a Temporal round trip later (prompt-prefetch.ts).
          startNextPrompt(call, deps, 'next', scope, output);
          return { port: 'next', output };
        }
        last = digits ? 'invalid' : 'timeout';
      }
      const output = { digits, attempts: config.maxRetries + 1 };
      startNextPrompt(call, deps, last, scope, output);
      return { port: last, output };
    },
  },
});
