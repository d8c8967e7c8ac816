import type { ChannelProvider, MessagingChannel } from '../../api/types.ts';

type Localized = { en: string; es: string };

/**
 * One input of a provider's form. `group` and `name` are where the value goes in the PUT body, so
 * `${group}.${name}` is also the path the API names in a 400 (`config.host`).
 */
export interface ProviderField {
  group: 'config' | 'secrets';
  name: string;
  kind: 'text' | 'number' | 'url' | 'secret' | 'choice';
  /** The values a `choice` offers, each with its label. */
  choices?: readonly { value: string; label: Localized }[];
  required?: boolean;
  label: Localized;
  hint?: Localized;
  placeholder?: string;
}

export const fieldKey = (field: ProviderField) => `${field.group}.${field.name}`;

// A sending account's limit, in its provider's unit: every campaign on the account shares it.
const perSecond = (label: Localized, hint: Localized): ProviderField => ({
  group: 'config',
  name: 'messagesPerSecond',
  kind: 'number',
  label,
  hint,
});
const sharedHint: Localized = {
  en: 'Your provider’s limit, shared by every campaign sending through this account. Leave empty for no limit.',
  es: 'El límite de tu proveedor, compartido por todas las campañas que envían por esta cuenta. Déjalo vacío si no hay límite.',
};

const secret = (name: string, label: Localized, hint?: Localized): ProviderField => ({
  group: 'secrets',
  name,
  kind: 'secret',
  required: true,
  label,
  ...(hint ? { hint } : {}),
});

// Mirrors the API's per-provider schemas (runtime/src/credentials/channel-settings.ts); the API
// stays the judge, this list only decides what the form asks for and how.
export const providerFields: Record<ChannelProvider, readonly ProviderField[]> = {
  'whatsapp-cloud': [
    {
      group: 'config',
      name: 'phoneNumberId',
      kind: 'text',
      required: true,
      label: { en: 'Phone number ID', es: 'ID del número de teléfono' },
      hint: {
        en: 'From Meta’s WhatsApp API setup, not the phone number itself',
        es: 'El de la configuración de la API de WhatsApp en Meta, no el número en sí',
      },
    },
    {
      group: 'config',
      name: 'apiVersion',
      kind: 'text',
      label: { en: 'Graph API version', es: 'Versión de la Graph API' },
      placeholder: 'v21.0',
    },
    {
      group: 'config',
      name: 'baseUrl',
      kind: 'url',
      label: { en: 'API base URL', es: 'URL base de la API' },
      placeholder: 'https://graph.facebook.com',
    },
    perSecond(
      {
        en: 'Messages per second this number may send',
        es: 'Mensajes por segundo que puede enviar este número',
      },
      {
        en: 'Meta allows 80 a second, 1,000 once the number is upgraded; shared by every campaign on this number. Leave empty for no limit.',
        es: 'Meta permite 80 por segundo, 1.000 cuando el número sube de nivel; lo comparten todas las campañas de este número. Déjalo vacío si no hay límite.',
      },
    ),
    secret('accessToken', { en: 'Access token', es: 'Token de acceso' }),
    secret(
      'appSecret',
      { en: 'App secret', es: 'Secreto de la app' },
      {
        en: 'Checks the signature of every webhook Meta sends',
        es: 'Comprueba la firma de cada webhook que envía Meta',
      },
    ),
    secret(
      'verifyToken',
      { en: 'Verify token', es: 'Token de verificación' },
      {
        en: 'Any phrase; type the same one in Meta’s webhook setup',
        es: 'Cualquier frase; escribe la misma en la configuración del webhook en Meta',
      },
    ),
  ],
  smpp: [
    {
      group: 'config',
      name: 'host',
      kind: 'text',
      required: true,
      label: { en: 'SMSC host', es: 'Host del SMSC' },
      placeholder: 'smsc.example.net',
    },
    {
      group: 'config',
      name: 'port',
      kind: 'number',
      required: true,
      label: { en: 'Port', es: 'Puerto' },
      placeholder: '2775',
    },
    {
      group: 'config',
      name: 'systemId',
      kind: 'text',
      required: true,
      label: { en: 'System ID', es: 'System ID' },
      hint: { en: 'Up to 15 characters', es: 'Hasta 15 caracteres' },
    },
    secret('password', { en: 'Password', es: 'Contraseña' }),
    {
      group: 'config',
      name: 'sourceAddress',
      kind: 'text',
      required: true,
      label: { en: 'Sender (number or name)', es: 'Remitente (número o nombre)' },
      placeholder: '+34911000000',
    },
    {
      group: 'config',
      name: 'systemType',
      kind: 'text',
      label: { en: 'System type', es: 'System type' },
    },
    {
      group: 'config',
      name: 'windowSize',
      kind: 'number',
      label: { en: 'Window size', es: 'Tamaño de ventana' },
      hint: {
        en: 'Messages sent before waiting for answers',
        es: 'Mensajes enviados antes de esperar respuesta',
      },
    },
    perSecond(
      {
        en: 'Messages per second your SMS account allows',
        es: 'Mensajes por segundo que permite tu cuenta de SMS',
      },
      sharedHint,
    ),
    {
      group: 'config',
      name: 'enquireLinkIntervalMs',
      kind: 'number',
      label: { en: 'Keep-alive interval (ms)', es: 'Intervalo de keep-alive (ms)' },
    },
  ],
  twilio: [
    {
      group: 'config',
      name: 'accountSid',
      kind: 'text',
      required: true,
      label: { en: 'Account SID', es: 'Account SID' },
      placeholder: 'AC…',
    },
    secret('authToken', { en: 'Auth token', es: 'Auth token' }),
    {
      group: 'config',
      name: 'from',
      kind: 'text',
      label: { en: 'From (a Twilio number)', es: 'Desde (un número de Twilio)' },
      placeholder: '+34911000001',
      hint: {
        en: 'Set this or a messaging service SID: Twilio needs a sender',
        es: 'Rellena este o el SID del servicio de mensajería: Twilio necesita un remitente',
      },
    },
    {
      group: 'config',
      name: 'messagingServiceSid',
      kind: 'text',
      label: { en: 'Messaging service SID', es: 'SID del servicio de mensajería' },
      placeholder: 'MG…',
    },
    {
      group: 'config',
      name: 'statusCallbackUrl',
      kind: 'url',
      label: { en: 'Status callback URL', es: 'URL de avisos de estado' },
      hint: {
        en: 'Only behind a proxy that OMNIFLOW_PUBLIC_URL does not describe',
        es: 'Solo tras un proxy que OMNIFLOW_PUBLIC_URL no describe',
      },
    },
    {
      group: 'config',
      name: 'baseUrl',
      kind: 'url',
      label: { en: 'API base URL', es: 'URL base de la API' },
      hint: { en: 'For a Twilio-compatible API', es: 'Para una API compatible con Twilio' },
    },
    perSecond(
      {
        en: 'Messages per second your Twilio number allows',
        es: 'Mensajes por segundo que permite tu número de Twilio',
      },
      sharedHint,
    ),
  ],
  smtp: [
    {
      group: 'config',
      name: 'host',
      kind: 'text',
      required: true,
      label: { en: 'SMTP server', es: 'Servidor SMTP' },
      placeholder: 'smtp.example.org',
    },
    {
      group: 'config',
      name: 'port',
      kind: 'number',
      required: true,
      label: { en: 'Port', es: 'Puerto' },
      placeholder: '587',
      hint: { en: '587 with STARTTLS, 465 with TLS', es: '587 con STARTTLS, 465 con TLS' },
    },
    {
      group: 'config',
      name: 'security',
      kind: 'choice',
      required: true,
      label: { en: 'Security', es: 'Seguridad' },
      choices: [
        { value: 'starttls', label: { en: 'STARTTLS (port 587)', es: 'STARTTLS (puerto 587)' } },
        {
          value: 'tls',
          label: { en: 'TLS from the start (port 465)', es: 'TLS desde el inicio (puerto 465)' },
        },
        {
          value: 'none',
          label: { en: 'None (a relay on your own network)', es: 'Ninguna (un relay en tu propia red)' },
        },
      ],
    },
    {
      group: 'config',
      name: 'user',
      kind: 'text',
      label: { en: 'User', es: 'Usuario' },
      hint: {
        en: 'Leave empty for a server that takes mail without a login',
        es: 'Déjalo vacío si el servidor acepta correo sin iniciar sesión',
      },
    },
    { ...secret('password', { en: 'Password', es: 'Contraseña' }), required: false },
    {
      group: 'config',
      name: 'fromAddress',
      kind: 'text',
      required: true,
      label: { en: 'From address', es: 'Dirección del remitente' },
      placeholder: 'ayuda@example.org',
    },
    {
      group: 'config',
      name: 'fromName',
      kind: 'text',
      label: { en: 'From name', es: 'Nombre del remitente' },
      placeholder: 'Ayuntamiento de Ejemplo',
    },
    {
      group: 'config',
      name: 'maxConnections',
      kind: 'number',
      label: { en: 'Connections at once', es: 'Conexiones a la vez' },
      hint: {
        en: 'How many mails go out in parallel (default 5)',
        es: 'Cuántos correos salen en paralelo (5 si lo dejas vacío)',
      },
    },
    {
      group: 'config',
      name: 'messagesPerHour',
      kind: 'number',
      label: { en: 'Emails per hour your server allows', es: 'Correos por hora que permite tu servidor' },
      hint: sharedHint,
    },
  ],
  sandbox: [],
};

/** The providers that serve each channel, the one a new workspace starts on last. */
export const providersFor: Record<MessagingChannel, readonly ChannelProvider[]> = {
  whatsapp: ['whatsapp-cloud', 'sandbox'],
  sms: ['smpp', 'twilio', 'sandbox'],
  // The widget is built in: its only alternative is the sandbox, which an admin never needs.
  webchat: [],
  email: ['smtp', 'sandbox'],
};
