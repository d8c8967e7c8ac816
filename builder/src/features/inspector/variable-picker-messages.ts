// The variable picker of template fields (template-input.tsx, template-variables.ts).
export const variablePickerMessages = {
  en: {
    'inspector.variables.of': '{field} of «{node}»',
    'inspector.variables.all': 'Everything «{node}» keeps',
    'inspector.variables.input': 'What the run started with',
    'inspector.variables.variable': 'Variable «{name}»',
    'inspector.variables.runId': 'Run number',
    'inspector.variables.runStartedAt': 'When the run started',
    'inspector.variables.insert': 'Insert a variable',
    'inspector.variables.example': 'e.g. {value}',
    'inspector.variables.whole': 'several values',
    'inspector.variables.none': 'No variable matches “{query}”',
  },
  es: {
    'inspector.variables.of': '{field} de «{node}»',
    'inspector.variables.all': 'Todo lo que guarda «{node}»',
    'inspector.variables.input': 'Lo que recibió la ejecución al empezar',
    'inspector.variables.variable': 'Variable «{name}»',
    'inspector.variables.runId': 'Número de la ejecución',
    'inspector.variables.runStartedAt': 'Cuándo empezó la ejecución',
    'inspector.variables.insert': 'Insertar una variable',
    'inspector.variables.example': 'p. ej. {value}',
    'inspector.variables.whole': 'varios valores',
    'inspector.variables.none': 'Ninguna variable coincide con «{query}»',
  },
} as const;
