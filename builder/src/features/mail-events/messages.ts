// Strings of what happened to a mail after it left (opens, clicks, bounces, complaints,
// unsubscribes), shown on each mail in a run's timeline; merged into src/i18n/catalog.ts.
export const mailEventMessages = {
  en: {
    'mailEvents.title': 'After it left',
    'mailEvents.open': 'Opened at {time}',
    'mailEvents.openProxy': 'Image loaded by the mail provider at {time} (not counted as read)',
    'mailEvents.click': 'Link clicked at {time}: {url}',
    'mailEvents.bounceHard':
      'Bounced at {time}: the address does not exist ({status}). No more mail will go to it.',
    'mailEvents.bounceSoft': 'Not delivered yet at {time} ({status}); the server will try again.',
    'mailEvents.bounceRefused': 'Refused at {time} ({status}).',
    'mailEvents.complaint': 'Marked as spam at {time}. No more mail will go to this address.',
    'mailEvents.unsubscribe': 'Unsubscribed at {time}. No more mail will go to this address.',
    'mailEvents.userAgent': 'Seen from: {agent}',
    'run.channel.email': 'email',
    'run.message.status.bounced': 'bounced',
  },
  es: {
    'mailEvents.title': 'Después del envío',
    'mailEvents.open': 'Abierto a las {time}',
    'mailEvents.openProxy': 'Imagen cargada por el proveedor de correo a las {time} (no cuenta como leído)',
    'mailEvents.click': 'Enlace pulsado a las {time}: {url}',
    'mailEvents.bounceHard':
      'Rebotado a las {time}: la dirección no existe ({status}). No se le enviarán más correos.',
    'mailEvents.bounceSoft': 'Aún sin entregar a las {time} ({status}); el servidor lo volverá a intentar.',
    'mailEvents.bounceRefused': 'Rechazado a las {time} ({status}).',
    'mailEvents.complaint': 'Marcado como spam a las {time}. No se enviarán más correos a esta dirección.',
    'mailEvents.unsubscribe': 'Se dio de baja a las {time}. No se enviarán más correos a esta dirección.',
    'mailEvents.userAgent': 'Visto desde: {agent}',
    'run.channel.email': 'correo',
    'run.message.status.bounced': 'rebotado',
  },
} as const;
