// Strings of the inspector feature; merged into the app catalog (src/i18n/catalog.ts).
export const inspectorMessages = {
  en: {},
  es: {},
} as const;
