/** The "Webhook received" trigger's addresses in the inspector (test and production URL, HMAC secret). */
export const webhooksInMessages = {
  en: {
    'hookUrls.title': 'Addresses to call',
    'hookUrls.test': 'Test URL (runs the draft)',
    'hookUrls.testWhat': 'the test URL',
    'hookUrls.production': 'Production URL (runs the published version)',
    'hookUrls.productionWhat': 'the production URL',
    'hookUrls.saveFirst': 'The addresses appear once the flow is saved.',
    'hookUrls.failed': 'Could not load the addresses: {message}',
    'hookUrls.secretNone': 'No signing secret yet: make one and give it to the system that calls.',
    'hookUrls.secretMade': 'Signing secret made {date}.',
    'hookUrls.newSecret': 'Make a new signing secret',
    'hookUrls.making': 'Making…',
    'hookUrls.confirmNew': 'The current secret stops working now. Make a new one?',
    'hookUrls.secretOnce':
      'Copy it now and keep it in the calling system: it is not shown again. It signs the request body (HMAC SHA-256).',
    'hookUrls.secretWhat': 'the signing secret',
    'hookUrls.secretDone': 'I have kept it',
  },
  es: {
    'hookUrls.title': 'Direcciones a las que llamar',
    'hookUrls.test': 'URL de prueba (ejecuta el borrador)',
    'hookUrls.testWhat': 'la URL de prueba',
    'hookUrls.production': 'URL de producción (ejecuta la versión publicada)',
    'hookUrls.productionWhat': 'la URL de producción',
    'hookUrls.saveFirst': 'Las direcciones aparecen cuando el flujo se guarda.',
    'hookUrls.failed': 'No se pudieron cargar las direcciones: {message}',
    'hookUrls.secretNone': 'Aún no hay secreto de firma: crea uno y dáselo al sistema que llama.',
    'hookUrls.secretMade': 'Secreto de firma creado el {date}.',
    'hookUrls.newSecret': 'Crear un nuevo secreto de firma',
    'hookUrls.making': 'Creando…',
    'hookUrls.confirmNew': 'El secreto actual deja de funcionar ahora. ¿Crear uno nuevo?',
    'hookUrls.secretOnce':
      'Cópialo ahora y guárdalo en el sistema que llama: no se vuelve a mostrar. Firma el cuerpo de la petición (HMAC SHA-256).',
    'hookUrls.secretWhat': 'el secreto de firma',
    'hookUrls.secretDone': 'Ya lo he guardado',
  },
} as const;
