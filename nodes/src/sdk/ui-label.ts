/** `.meta(uiLabel('Key', 'Tecla'))`: a config field's label in the builder, in both languages. */
export const uiLabel = (en: string, es: string) => ({ ui: { label: { en, es } } });
