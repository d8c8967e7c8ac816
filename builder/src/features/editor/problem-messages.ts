// A problem's sentence per validation code (runtime/src/graph/validation-issue.ts), filled from the
// issue's params; merged into the app catalog (src/i18n/catalog.ts). A code with no sentence here
// falls back to the English message (problem-text.ts).
export const problemMessages = {
  en: {
    'problem.NO_TRIGGER': 'Add a start node: a flow needs exactly one',
    'problem.TEMPLATE_RENDERS_OBJECT':
      '«{node}» writes everything «{source}» holds into its text, which reads as a list of fields: pick the one field you mean in the variable list',
  },
  es: {
    'problem.NO_TRIGGER': 'Añade un nodo de inicio: un flujo necesita exactamente uno',
    'problem.TEMPLATE_RENDERS_OBJECT':
      '«{node}» escribe en su texto todo lo que guarda «{source}», que se lee como una lista de campos: elige en la lista de variables el campo que quieres',
  },
} as const;
