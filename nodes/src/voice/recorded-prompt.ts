import { z } from 'zod';
import type { AudioSource, Call } from '../drivers/voice/voice-driver.ts';
import { NodeError } from '../sdk/node-error.ts';
import type { ActivityDeps } from '../sdk/types.ts';
import { voicePromptIdOf } from '../sdk/voice-prompt-ref.ts';

/** An http(s) address is fetched; anything else is a file the worker can read (8 kHz mono WAV). */
export function audioSourceOf(location: string): AudioSource {
  return /^https?:\/\//i.test(location) ? { kind: 'url', url: location } : { kind: 'file', path: location };
}

/**
 * say/menu/gather's optional recorded prompt (issue #15): a workspace prompt (`prompt:<id>`)
 * played instead of reading the text aloud; the text, when written too, stays as the transcript
 * of the audio. One of the two is needed (textOrRecordedPrompt).
 */
export const recordedPromptField = z
  .string()
  .optional()
  .meta({
    ui: {
      widget: 'voice-prompt',
      label: {
        en: 'Recorded audio (played instead of reading the text)',
        es: 'Audio grabado (se reproduce en lugar de leer el texto)',
      },
    },
  });

/**
 * What to play for an audio location: a workspace's recorded prompt (`prompt:<id>`) becomes the
 * local prompt file the worker keeps for it; a URL or a path is played as it is.
 */
export async function resolveAudio(location: string, call: Call, deps: ActivityDeps): Promise<AudioSource> {
  const promptId = voicePromptIdOf(location);
  if (!promptId) return audioSourceOf(location);
  if (!deps.voicePrompts)
    throw new NodeError(
      'VOICE_PROMPTS_UNAVAILABLE',
      'This worker cannot read the workspace’s recorded prompts (no prompt store configured)',
      false,
    );
  return { kind: 'file', path: await deps.voicePrompts.file(promptId, call.id) };
}

/** The recorded prompt a say/menu/gather plays instead of its text, when one is chosen. */
export async function recordedPromptOf(
  recordedPrompt: string | undefined,
  call: Call,
  deps: ActivityDeps,
): Promise<AudioSource | undefined> {
  if (!recordedPrompt?.trim()) return undefined;
  return resolveAudio(recordedPrompt, call, deps);
}

/**
 * For say/menu/gather's config `superRefine`: the node needs something to say, its text or a
 * recorded prompt, and a designer who recorded the greeting need not type it again. The issue
 * sits on the text field and names the other one (`either`, runtime/src/graph/zod-issue-reason.ts)
 * so the builder says "fill in Text or choose Recorded audio" in the designer's language.
 */
export function textOrRecordedPrompt<Field extends string>(textField: Field) {
  return (config: Record<Field, string> & { recordedPrompt?: string | undefined }, ctx: z.RefinementCtx) => {
    if (config[textField].trim() || config.recordedPrompt?.trim()) return;
    ctx.addIssue({
      code: 'custom',
      path: [textField],
      message: 'Write the text to say, or choose a recorded audio',
      params: { reason: 'either', other: ['recordedPrompt'] },
    });
  };
}
