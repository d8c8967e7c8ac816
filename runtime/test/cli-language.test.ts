import { describe, expect, it } from 'vitest';
import { cliLanguage, languageOf } from '../src/cli/cli-language.ts';

describe('cliLanguage', () => {
  it('reads OMNIFLOW_LANG first, then the locale, and falls back to English', () => {
    expect(cliLanguage({ OMNIFLOW_LANG: 'es' })).toBe('es');
    expect(cliLanguage({ LANG: 'es_ES.UTF-8' })).toBe('es');
    expect(cliLanguage({ LC_ALL: 'es_PE.UTF-8', LANG: 'en_US.UTF-8' })).toBe('es');
    expect(cliLanguage({ OMNIFLOW_LANG: 'en', LANG: 'es_ES.UTF-8' })).toBe('en');
    expect(cliLanguage({ LANG: 'C.UTF-8' })).toBe('en');
    expect(cliLanguage({ LANG: 'estonian' })).toBe('en');
    expect(cliLanguage({})).toBe('en');
  });
});

describe('languageOf', () => {
  it('takes --lang from the command line over the environment, and LC_MESSAGES before LANG', () => {
    expect(languageOf(['runs', 'list', '--lang', 'es'], { LANG: 'en_US.UTF-8' })).toBe('es');
    expect(languageOf(['--lang=en', 'runs'], { OMNIFLOW_LANG: 'es' })).toBe('en');
    expect(languageOf(['--lang', 'fr'], { LC_MESSAGES: 'es_MX.UTF-8', LANG: 'en_US' })).toBe('es');
    expect(languageOf(['--', '--lang', 'es'], {})).toBe('en');
    expect(languageOf([], { LC_ALL: 'C', LANG: 'es_ES.UTF-8' })).toBe('en');
  });
});
