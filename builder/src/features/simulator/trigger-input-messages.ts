// Strings of the test run's input form; merged into the app catalog (src/i18n/catalog.ts).
export const triggerInputMessages = {
  en: {
    'triggerInput.title': 'What the run is given',
    'triggerInput.none': 'The start takes no inputs. Declare them in its settings (“Inputs it is given”).',
    'triggerInput.yes': 'Yes',
    'triggerInput.requiredHint': '* marks what the run must be given',
    'triggerInput.missing': 'Fill in what the run must be given before running it: {fields}',
  },
  es: {
    'triggerInput.title': 'Lo que recibe la ejecución',
    'triggerInput.none': 'El inicio no recibe datos. Declárelos en sus ajustes («Datos que recibe»).',
    'triggerInput.yes': 'Sí',
    'triggerInput.requiredHint': '* indica lo que la ejecución debe recibir',
    'triggerInput.missing': 'Rellena lo que la ejecución debe recibir antes de ejecutarla: {fields}',
  },
} as const;
