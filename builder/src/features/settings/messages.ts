// Strings of the workspace settings screen; merged into the app catalog (src/i18n/catalog.ts).
export const settingsMessages = {
  en: {
    'settings.title': 'Settings',
    'settings.runs': 'Run history',
    'settings.retention': 'Keep run details for (days)',
    'settings.retentionHint':
      'After this many days a run’s steps, events and data are removed; its summary stays. From 1 to 3650.',
    'settings.invalid': 'Enter a whole number of days from 1 to 3650',
    'settings.save': 'Save',
    'settings.saving': 'Saving…',
    'settings.saved': 'Saved',
    'settings.unsaved': 'Not saved yet',
  },
  es: {
    'settings.title': 'Ajustes',
    'settings.runs': 'Historial de ejecuciones',
    'settings.retention': 'Conservar los detalles de las ejecuciones (días)',
    'settings.retentionHint':
      'Pasados estos días se eliminan los pasos, eventos y datos de cada ejecución; queda su resumen. De 1 a 3650.',
    'settings.invalid': 'Escribe un número entero de días entre 1 y 3650',
    'settings.save': 'Guardar',
    'settings.saving': 'Guardando…',
    'settings.saved': 'Guardado',
    'settings.unsaved': 'Sin guardar',
  },
} as const;
