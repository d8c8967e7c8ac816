// Strings of Settings → Availability target; merged into the app catalog (src/i18n/catalog.ts).
export const slaTargetMessages = {
  en: {
    'slaTarget.title': 'Availability target',
    'slaTarget.field': 'Target availability (%)',
    'slaTarget.hint':
      'The availability report compares each channel and the whole workspace against it (99.8 % unless set).',
    'slaTarget.invalid': 'Enter a percentage from 50 to 100, such as 99.8',
  },
  es: {
    'slaTarget.title': 'Objetivo de disponibilidad',
    'slaTarget.field': 'Disponibilidad objetivo (%)',
    'slaTarget.hint':
      'El informe de disponibilidad compara con él cada canal y todo el espacio de trabajo (99,8 % si no se cambia).',
    'slaTarget.invalid': 'Escribe un porcentaje de 50 a 100, por ejemplo 99,8',
  },
} as const;
