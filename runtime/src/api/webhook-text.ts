import type { ReaderLanguage } from './reader-language.ts';
import type { WebhookUrlProblem } from '../transactional/status-webhook-store.ts';

type WebhookTextKey = WebhookUrlProblem | 'subscriptionNotFound' | 'deliveryNotFound' | 'nothingToChange';

/** What the webhooks API answers a person, in their language (Accept-Language). */
const webhookText: Record<WebhookTextKey, { en: string; es: string }> = {
  notUrl: {
    en: '"{text}" is not a URL: write it whole, like https://app.example.org/omniflow',
    es: '«{text}» no es una URL: escríbela entera, como https://app.example.org/omniflow',
  },
  notHttp: {
    en: 'The webhook is an http or https URL, not {protocol}',
    es: 'El webhook es una URL http o https, no {protocol}',
  },
  credentials: {
    en: 'Leave user and password out of the URL: receivers check the Omniflow-Signature header instead',
    es: 'Quita el usuario y la contraseña de la URL: el receptor comprueba la cabecera Omniflow-Signature',
  },
  unresolved: {
    en: '{host} does not resolve: check the host name',
    es: '{host} no existe en el DNS: revisa el nombre del servidor',
  },
  private: {
    en:
      '{host} is a private or loopback address ({address}): the webhook must be reachable on the internet ' +
      '(OMNIFLOW_HTTP_ALLOW_PRIVATE=1 on the API and the worker allows private targets)',
    es:
      '{host} es una dirección privada o local ({address}): el webhook debe poder alcanzarse desde internet ' +
      '(OMNIFLOW_HTTP_ALLOW_PRIVATE=1 en la API y el worker permite destinos privados)',
  },
  subscriptionNotFound: {
    en: 'There is no webhook with that id in this workspace',
    es: 'No hay ningún webhook con ese id en este espacio de trabajo',
  },
  deliveryNotFound: {
    en: 'This webhook has no delivery with that id',
    es: 'Este webhook no tiene ningún envío con ese id',
  },
  nothingToChange: {
    en: 'Say what to change: url, events, description, active or newSecret',
    es: 'Indica qué cambiar: url, events, description, active o newSecret',
  },
};

export function webhookMessage(
  key: WebhookTextKey,
  language: ReaderLanguage,
  params: Record<string, string> = {},
): string {
  return webhookText[key][language].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}
