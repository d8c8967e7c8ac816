/** Which sentence the API answers with (runtime/src/api/voice-prompt-text.ts). */
export type VoicePromptTextKey =
  | 'notAudio'
  | 'unreadable'
  | 'tooBig'
  | 'tooLong'
  | 'duplicate'
  | 'notFound'
  | 'inUse'
  | 'converterMissing'
  | 'noFile'
  | 'badForm';

export type VoicePromptErrorCode =
  | 'AUDIO_INVALID'
  | 'AUDIO_TOO_LARGE'
  | 'AUDIO_TOO_LONG'
  | 'AUDIO_CONVERTER_UNAVAILABLE'
  | 'VOICE_PROMPT_NAME_TAKEN'
  | 'VOICE_PROMPT_IN_USE'
  | 'NOT_FOUND';

/**
 * A prompt that cannot be stored, renamed or deleted: the HTTP status, a stable code, and the
 * sentence (by key, with its values) the API writes in the caller's language.
 */
export class VoicePromptError extends Error {
  constructor(
    readonly status: 404 | 409 | 413 | 422 | 503,
    readonly code: VoicePromptErrorCode,
    readonly text: VoicePromptTextKey,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(`${code}: ${text}`);
    this.name = 'VoicePromptError';
  }
}
