// Strings of the canvas feature; merged into the app catalog (src/i18n/catalog.ts).
export const canvasMessages = {
  en: {},
  es: {},
} as const;
