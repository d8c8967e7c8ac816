/** Subflows in the editor: the "reusable" toggle of a flow and the flow picker of "Call a flow". */
export const subflowsMessages = {
  en: {
    'subflow.reusable': 'Reusable subflow',
    'subflow.reusableHint':
      'Other flows can call this one with “Call a flow”; once published it appears in their palette under its name.',
    'subflow.pickFlow': 'Choose a published flow',
    'subflow.noFlows': 'No published flows to call yet: publish one first.',
    'subflow.missing': 'A flow that is gone or no longer published',
    'subflow.loadFailed': 'Could not list the flows: {message}',
    'subflow.reusableTag': 'reusable',
  },
  es: {
    'subflow.reusable': 'Subflujo reutilizable',
    'subflow.reusableHint':
      'Otros flujos pueden llamar a este con «Llamar a un flujo»; una vez publicado aparece en su paleta con su nombre.',
    'subflow.pickFlow': 'Elige un flujo publicado',
    'subflow.noFlows': 'Aún no hay flujos publicados a los que llamar: publica uno primero.',
    'subflow.missing': 'Un flujo que ya no existe o no está publicado',
    'subflow.loadFailed': 'No se pudieron listar los flujos: {message}',
    'subflow.reusableTag': 'reutilizable',
  },
} as const;
