/**
 * The language the person at the terminal reads: OMNIFLOW_LANG, else the locale (LC_ALL, LANG).
 * The CLI asks the API for its messages in it (Accept-Language) and words import rejections in it.
 */
export function cliLanguage(env: NodeJS.ProcessEnv = process.env): 'es' | 'en' {
  const wanted = env.OMNIFLOW_LANG || env.LC_ALL || env.LANG || '';
  return /^es\b|^es_/i.test(wanted) ? 'es' : 'en';
}
