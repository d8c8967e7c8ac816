import { z } from 'zod';
import type { Call, SayOptions } from '../drivers/voice/voice-driver.ts';
import type { ActivityDeps } from '../sdk/types.ts';
import { onCall } from './live-call.ts';
import { recordedPromptOf } from './recorded-prompt.ts';

/** What an input node says before asking again, in the node's language when the designer wrote nothing. */
export const defaultRetryPrompts = {
  invalid: { es: 'La respuesta no es válida.', en: 'That is not a valid answer.' },
  noInput: { es: 'No hemos recibido ninguna respuesta.', en: 'We did not receive an answer.' },
} as const;

/**
 * A recorded audio (`prompt:<id>`) said before asking again instead of the retry text (issue
 * #15): a designer who recorded the greeting records "that is not an option" in the same voice.
 */
export const retryRecordedPromptField = (en: string, es: string) =>
  z
    .string()
    .optional()
    .meta({ ui: { widget: 'voice-prompt', label: { en, es } } });

/**
 * Before asking again: the recorded audio chosen for it, else its text read aloud; nothing when
 * both are empty. `text` is a thunk so a recording's text is never rendered.
 */
export async function sayBeforeAskingAgain(
  call: Call,
  deps: ActivityDeps,
  recordedPrompt: string | undefined,
  text: () => string,
  speech: SayOptions,
): Promise<void> {
  const recorded = await recordedPromptOf(recordedPrompt, call, deps);
  if (recorded) {
    await onCall(call, () => call.play(recorded));
    return;
  }
  const said = text();
  if (said.trim()) await onCall(call, () => call.say(said, speech));
}
