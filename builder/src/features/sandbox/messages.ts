// Strings of the sandbox warning; merged into the app catalog (src/i18n/catalog.ts).
export const sandboxMessages = {
  en: {
    'sandbox.banner':
      'Published flows send on {channels} through the sandbox: their messages are marked delivered but reach no one ({flows}).',
    'sandbox.connect': 'Connect a provider in Settings',
    'sandbox.readMail': 'Read the caught mail',
  },
  es: {
    'sandbox.banner':
      'Flujos publicados envían por {channels} a través del sandbox: sus mensajes constan como entregados pero no llegan a nadie ({flows}).',
    'sandbox.connect': 'Conecta un proveedor en Ajustes',
    'sandbox.readMail': 'Ver el correo en el buzón de pruebas',
  },
} as const;
