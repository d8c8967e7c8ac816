// Strings of a contact's data-protection actions (export, erase); merged into src/i18n/catalog.ts.
export const dataProtectionMessages = {
  en: {
    'dataProtection.export': 'Export data',
    'dataProtection.export.title': 'Export everything held about {name}?',
    'dataProtection.export.body':
      'One zip file downloads with their details, addresses and consent, every message with its text, their flow runs, calls with the recordings, and the campaigns and lists they are in. It is personal data: keep it safe and hand it only to the person who asked. The export is recorded.',
    'dataProtection.export.confirm': 'Download',
    'dataProtection.erase': 'Erase personal data',
    'dataProtection.erase.title': 'Erase the personal data of {name}?',
    'dataProtection.erase.body':
      'Their name, custom fields, tags and addresses, the text of every message they sent or received, their answers in flow runs and the recordings of their calls are erased for good. An anonymous record stays so reports and campaign counts do not change. This cannot be undone, and it is recorded.',
    'dataProtection.erase.confirm': 'Erase for good',
    'dataProtection.erased': 'Personal data erased on {date}. Only an anonymous record remains.',
  },
  es: {
    'dataProtection.export': 'Exportar datos',
    'dataProtection.export.title': '¿Exportar todo lo que se guarda de {name}?',
    'dataProtection.export.body':
      'Se descarga un archivo zip con sus datos, direcciones y consentimientos, cada mensaje con su texto, sus ejecuciones de flujos, sus llamadas con las grabaciones y las campañas y listas en las que está. Son datos personales: guárdalos con cuidado y entrégalos solo a la persona que los pidió. La exportación queda registrada.',
    'dataProtection.export.confirm': 'Descargar',
    'dataProtection.erase': 'Borrar datos personales',
    'dataProtection.erase.title': '¿Borrar los datos personales de {name}?',
    'dataProtection.erase.body':
      'Se borran para siempre su nombre, campos, etiquetas y direcciones, el texto de cada mensaje que envió o recibió, sus respuestas en ejecuciones de flujos y las grabaciones de sus llamadas. Queda un registro anónimo para que los informes y los recuentos de campañas no cambien. No se puede deshacer y queda registrado.',
    'dataProtection.erase.confirm': 'Borrar para siempre',
    'dataProtection.erased': 'Datos personales borrados el {date}. Solo queda un registro anónimo.',
  },
} as const;
