/**
 * Why a mail's run was skipped (RFC 3834: mail that must not get an automatic answer), keyed by
 * the stable code the API gives as `skipReason`.
 */
export const skipMessages = {
  en: {
    'runs.status.skipped': 'Skipped',
    'runs.skipped': 'Not answered: {reason}',
    'runs.skip.AUTO_SUBMITTED': 'the mail was sent automatically',
    'runs.skip.BULK_PRECEDENCE': 'bulk mail',
    'runs.skip.MAILING_LIST': 'mailing list mail',
    'runs.skip.NULL_SENDER': 'no sender to answer',
    'runs.skip.MAILER_DAEMON': 'sent by a mail system, not a person',
    'runs.skip.DELIVERY_REPORT': 'a delivery or complaint report',
    'runs.skip.OWN_MAIL': 'our own mail coming back',
    'runs.skip.REPLIED_RECENTLY': 'this person was already answered within the period',
    'runs.skip.unknown': 'a mail that must not be answered',
  },
  es: {
    'runs.status.skipped': 'Omitida',
    'runs.skipped': 'Sin respuesta: {reason}',
    'runs.skip.AUTO_SUBMITTED': 'el correo se envió automáticamente',
    'runs.skip.BULK_PRECEDENCE': 'correo masivo',
    'runs.skip.MAILING_LIST': 'correo de una lista de distribución',
    'runs.skip.NULL_SENDER': 'no hay remitente a quien responder',
    'runs.skip.MAILER_DAEMON': 'lo envió un sistema de correo, no una persona',
    'runs.skip.DELIVERY_REPORT': 'un aviso de entrega o de queja',
    'runs.skip.OWN_MAIL': 'nuestro propio correo de vuelta',
    'runs.skip.REPLIED_RECENTLY': 'ya se respondió a esta persona dentro del periodo',
    'runs.skip.unknown': 'un correo que no debe responderse',
  },
} as const;
