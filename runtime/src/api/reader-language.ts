/** The language an API answer is written in for a person: Spanish when their Accept-Language asks for it. */
export type ReaderLanguage = 'es' | 'en';

export const readerLanguage = (acceptLanguage: string | undefined): ReaderLanguage =>
  /^es\b/i.test(acceptLanguage ?? '') ? 'es' : 'en';
