// Strings of the editor feature; merged into the app catalog (src/i18n/catalog.ts).
export const editorMessages = {
  en: {},
  es: {},
} as const;
