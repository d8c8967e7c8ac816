/** A run's subflow relations on its detail page: the run that called it and the runs it called. */
export const subflowRunMessages = {
  en: {
    'run.parentRun': 'Called by',
    'run.parentRunLink': 'the run that called this subflow',
    'run.childRuns': 'Subflow runs',
    'run.childRunLink': '{flow} ({status})',
  },
  es: {
    'run.parentRun': 'Llamada por',
    'run.parentRunLink': 'la ejecución que llamó a este subflujo',
    'run.childRuns': 'Ejecuciones de subflujos',
    'run.childRunLink': '{flow} ({status})',
  },
} as const;
