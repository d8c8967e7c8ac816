import { useCallback } from 'react';
import { create } from 'zustand';
import { catalog, type Locale, type MessageKey } from './catalog.ts';

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem('omniflow.locale');
const browserLanguage = typeof navigator === 'undefined' ? 'en' : navigator.language;
const initial: Locale =
  stored === 'es' || stored === 'en' ? stored : browserLanguage.startsWith('es') ? 'es' : 'en';

interface I18nState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

export const useLocale = create<I18nState>((set) => ({
  locale: initial,
  setLocale(locale) {
    localStorage.setItem('omniflow.locale', locale);
    document.documentElement.lang = locale;
    set({ locale });
  },
}));

/**
 * Translates a catalog key, filling `{name}` placeholders. A value that comes in both languages
 * (a node's title in a problem's params: `node` and `nodeEs`) fills `{node}` with the Spanish
 * one in Spanish.
 */
export function translate(
  locale: Locale,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  const template: string = catalog[locale][key] ?? catalog.en[key] ?? key;
  const suffix = locale === 'en' ? '' : locale[0]!.toUpperCase() + locale.slice(1);
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    String(values[`${name}${suffix}`] ?? values[name] ?? `{${name}}`),
  );
}

/** `t(key, values)` in the current language; re-renders when the language changes. */
export function useT() {
  const locale = useLocale((s) => s.locale);
  return useCallback(
    (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values),
    [locale],
  );
}

/** Picks the current language from a `{ en, es }` pair (node titles, descriptions, labels). */
export function useLocalized() {
  const locale = useLocale((s) => s.locale);
  return useCallback((text: { en: string; es: string } | undefined) => (text ? text[locale] : ''), [locale]);
}
