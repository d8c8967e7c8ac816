import { describe, expect, it } from 'vitest';
import { cliLanguage } from '../src/cli/cli-language.ts';

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
