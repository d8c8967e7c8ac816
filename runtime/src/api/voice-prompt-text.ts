import type { VoicePromptTextKey } from '../voice-prompts/voice-prompt-error.ts';
import type { ReaderLanguage } from './reader-language.ts';

/**
 * What the prompts API answers a person, in their language (Accept-Language): every refusal
 * names what to do next.
 */
export const voicePromptText: Record<VoicePromptTextKey, { en: string; es: string }> = {
  notAudio: {
    en: 'This file is not a WAV or MP3 recording; upload a .wav or .mp3 file',
    es: 'Este archivo no es una grabación WAV ni MP3; sube un archivo .wav o .mp3',
  },
  unreadable: {
    en: 'The audio could not be read ({reason}); export it again as WAV or MP3 and upload it',
    es: 'No se pudo leer el audio ({reason}); vuelve a exportarlo como WAV o MP3 y súbelo',
  },
  tooBig: {
    en: 'The file is larger than {max}; upload a shorter recording',
    es: 'El archivo pesa más de {max}; sube una grabación más corta',
  },
  tooLong: {
    en: 'The audio lasts more than {minutes} minutes; upload a shorter recording',
    es: 'El audio dura más de {minutes} minutos; sube una grabación más corta',
  },
  duplicate: {
    en: 'There is already an audio called "{name}"; choose another name',
    es: 'Ya hay un audio llamado «{name}»; elige otro nombre',
  },
  notFound: {
    en: 'There is no audio with that id in this workspace',
    es: 'No hay ningún audio con ese id en este espacio de trabajo',
  },
  inUse: {
    en: 'The audio "{name}" is played by a published flow ({flows}); choose another audio there and publish again before deleting it',
    es: 'El audio «{name}» lo reproduce un flujo publicado ({flows}); elige otro audio allí y vuelve a publicar antes de borrarlo',
  },
  converterMissing: {
    en: 'The server cannot convert audio: {reason}',
    es: 'El servidor no puede convertir audio: {reason}',
  },
  noFile: {
    en: 'Attach the audio as the "file" field of a multipart form, or send it as the body with ?name=',
    es: 'Adjunta el audio en el campo «file» de un formulario multipart, o envíalo como cuerpo con ?name=',
  },
  badForm: {
    en: 'The multipart form could not be read; send it again with its boundary, or send the audio as the body with ?name=',
    es: 'No se pudo leer el formulario multipart; envíalo de nuevo con su separador (boundary), o envía el audio como cuerpo con ?name=',
  },
};

export function voicePromptMessage(
  key: VoicePromptTextKey,
  language: ReaderLanguage,
  params: Record<string, string | number> = {},
): string {
  return voicePromptText[key][language].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? ''),
  );
}
