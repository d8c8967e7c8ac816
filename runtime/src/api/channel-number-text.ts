import type { ReaderLanguage } from './reader-language.ts';

/** What the numbers API answers a person, in their language. */
export const channelNumberText = {
  taken: {
    en: 'The number {address} is already connected on this install (in this or another workspace); each number belongs to one workspace',
    es: 'El número {address} ya está conectado en esta instalación (en este u otro espacio de trabajo); cada número pertenece a un solo espacio',
  },
  notFound: {
    en: 'This channel has no number with that id in this workspace',
    es: 'Este canal no tiene ningún número con ese id en este espacio de trabajo',
  },
} satisfies Record<string, Record<ReaderLanguage, string>>;

export const channelNumberMessage = (
  key: keyof typeof channelNumberText,
  language: ReaderLanguage,
  params: Record<string, string> = {},
) => channelNumberText[key][language].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
