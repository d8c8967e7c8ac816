// Strings of the duration picker (number + unit); merged into the app catalog (src/i18n/catalog.ts).
export const durationMessages = {
  en: {
    'duration.unit': 'Unit',
    'duration.unit.seconds': 'seconds',
    'duration.unit.minutes': 'minutes',
    'duration.unit.hours': 'hours',
    'duration.unit.days': 'days',
    'duration.unit.weeks': 'weeks',
    'duration.default': 'Empty: {duration}',
    'duration.invalid': 'Enter a number of {unit}, 0 or more',
    'duration.unreadable': 'The saved duration could not be read: enter a number and a unit',
  },
  es: {
    'duration.unit': 'Unidad',
    'duration.unit.seconds': 'segundos',
    'duration.unit.minutes': 'minutos',
    'duration.unit.hours': 'horas',
    'duration.unit.days': 'días',
    'duration.unit.weeks': 'semanas',
    'duration.default': 'Vacío: {duration}',
    'duration.invalid': 'Escribe un número de {unit}, 0 o más',
    'duration.unreadable': 'No se pudo leer la duración guardada: escribe un número y una unidad',
  },
} as const;
