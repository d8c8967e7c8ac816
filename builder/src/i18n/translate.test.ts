import { describe, expect, it } from 'vitest';
import { catalog } from './catalog.ts';
import { translate } from './use-i18n.ts';

describe('i18n catalog', () => {
  it('has every key in both languages, none empty', () => {
    const en = Object.keys(catalog.en).sort();
    expect(Object.keys(catalog.es).sort()).toEqual(en);
    for (const locale of ['en', 'es'] as const) {
      for (const [key, text] of Object.entries(catalog[locale]))
        expect(text, `${locale}:${key}`).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(catalog.en) as (keyof typeof catalog.en)[]) {
      expect(placeholders(catalog.es[key]), key).toEqual(placeholders(catalog.en[key]));
    }
  });

  it('fills placeholders in the chosen language', () => {
    expect(translate('es', 'flows.copyOf', { name: 'Menú' })).toBe('Copia de Menú');
    expect(translate('en', 'flows.copyOf', { name: 'Menu' })).toBe('Copy of Menu');
  });
});
