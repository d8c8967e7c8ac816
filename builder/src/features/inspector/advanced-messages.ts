// Strings of the "Advanced" parts of the inspector (port ids, technical details); merged into the
// app catalog (src/i18n/catalog.ts).
export const advancedMessages = {
  en: {
    'advanced.section': 'Advanced',
    'advanced.portIdHint':
      'Made from the label while nothing is connected to it. Change it only if another system reads it.',
    'advanced.answerIdHint':
      'Made from the text; it is what the answer saves. Change it only if a condition or another system reads it.',
    'advanced.newRow': 'option',
    'advanced.technicalDetails': 'Show technical details',
  },
  es: {
    'advanced.section': 'Avanzado',
    'advanced.portIdHint':
      'Se crea a partir de la etiqueta mientras no haya nada conectado. Cámbielo solo si otro sistema lo lee.',
    'advanced.answerIdHint':
      'Se crea a partir del texto; es lo que se guarda como respuesta. Cámbielo solo si una condición u otro sistema lo lee.',
    'advanced.newRow': 'opcion',
    'advanced.technicalDetails': 'Mostrar detalles técnicos',
  },
} as const;
