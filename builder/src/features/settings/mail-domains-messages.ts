/** Settings → Receiving email (es/en). */
export const mailDomainsMessages = {
  en: {
    'mailDomains.title': 'Receiving email',
    'mailDomains.intro':
      'Mail to any address of these domains reaches your flows when the domain’s MX points at this server (the built-in SMTP server, OMNIFLOW_MAIL_INBOUND_PORT). Addresses of published mail triggers and your sending address are taken anyway.',
    'mailDomains.label': 'Domains, one per line',
    'mailDomains.save': 'Save',
    'mailDomains.saved': 'Saved',
    'mailDomains.unsaved': 'Not saved yet',
    'mailDomains.saving': 'Saving…',
    'mailDomains.none': 'No domains yet: only trigger and sending addresses take mail.',
  },
  es: {
    'mailDomains.title': 'Recibir correo',
    'mailDomains.intro':
      'El correo a cualquier dirección de estos dominios llega a tus flujos cuando el MX del dominio apunta a este servidor (el servidor SMTP integrado, OMNIFLOW_MAIL_INBOUND_PORT). Las direcciones de los disparadores de correo publicados y tu dirección de envío se aceptan siempre.',
    'mailDomains.label': 'Dominios, uno por línea',
    'mailDomains.save': 'Guardar',
    'mailDomains.saved': 'Guardado',
    'mailDomains.unsaved': 'Sin guardar',
    'mailDomains.saving': 'Guardando…',
    'mailDomains.none':
      'Aún no hay dominios: solo reciben correo las direcciones de los disparadores y la de envío.',
  },
} as const;
