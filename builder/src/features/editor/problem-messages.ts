// A problem's sentence per validation code (runtime/src/graph/validation-issue.ts), filled from the
// issue's params; merged into the app catalog (src/i18n/catalog.ts). A code with no sentence here
// falls back to the English message (problem-text.ts).
export const problemMessages = {
  en: {
    'problem.NO_TRIGGER': 'Add a start node: a flow needs exactly one',
  },
  es: {
    'problem.NO_TRIGGER': 'Añade un nodo de inicio: un flujo necesita exactamente uno',
  },
} as const;
