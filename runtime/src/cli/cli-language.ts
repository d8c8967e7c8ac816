export type CliLanguage = 'es' | 'en';

const spanish = (value: string) => /^es\b|^es_/i.test(value);

/**
 * The language the person at the terminal reads: OMNIFLOW_LANG, else the locale as POSIX orders it
 * (LC_ALL, LC_MESSAGES, LANG); Spanish when it starts with `es`, English otherwise. The CLI writes
 * its own messages in it and asks the API for its messages in it (Accept-Language).
 */
export function cliLanguage(env: NodeJS.ProcessEnv = process.env): CliLanguage {
  const wanted = env.OMNIFLOW_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return spanish(wanted) ? 'es' : 'en';
}

/**
 * `--lang es|en` anywhere on the command line wins over the environment. It is read before
 * commander parses anything, because the help and the parse errors are already worded in it; a
 * value other than es/en is left for commander to refuse (in the environment's language).
 */
export function languageOf(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliLanguage {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value === 'es' || value === 'en') return value;
  }
  return cliLanguage(env);
}
