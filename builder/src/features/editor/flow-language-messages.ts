// Strings of the flow's language picker; merged into the app catalog (src/i18n/catalog.ts).
export const flowLanguageMessages = {
  en: {
    'flowLanguage.label': 'Speaks',
    'flowLanguage.hint': 'The language of the default texts people get (retries, errors)',
    'flowLanguage.unset': 'Not chosen',
    'flowLanguage.es': 'Spanish',
    'flowLanguage.en': 'English',
  },
  es: {
    'flowLanguage.label': 'Habla',
    'flowLanguage.hint': 'El idioma de los textos predeterminados que recibe la gente (reintentos, errores)',
    'flowLanguage.unset': 'Sin elegir',
    'flowLanguage.es': 'Español',
    'flowLanguage.en': 'Inglés',
  },
} as const;
