/** What an input node says before asking again, in the node's language when the designer wrote nothing. */
export const defaultRetryPrompts = {
  invalid: { es: 'La respuesta no es válida.', en: 'That is not a valid answer.' },
  noInput: { es: 'No hemos recibido ninguna respuesta.', en: 'We did not receive an answer.' },
} as const;
