export type PromptErrorCode =
  /** espeak-ng (or sox, which every prompt goes through) is not installed. */
  | 'TTS_UNAVAILABLE'
  /** espeak-ng has no voice by that name or for that language. */
  | 'TTS_VOICE_UNKNOWN'
  /** sox, or its MP3 format (libsox-fmt-mp3), is not installed for converting uploads. */
  | 'AUDIO_CONVERTER_UNAVAILABLE'
  /** The upload is not audio of the kind it claims, or holds no sound. */
  | 'AUDIO_INVALID'
  | 'PROMPT_TEXT_EMPTY';

/** A prompt that cannot be prepared, with a stable code and what to do about it. */
export class PromptError extends Error {
  constructor(
    readonly code: PromptErrorCode,
    message: string,
    /** The Debian package that provides what is missing, when that is the problem. */
    readonly debianPackage?: string,
  ) {
    super(message);
    this.name = 'PromptError';
  }
}
