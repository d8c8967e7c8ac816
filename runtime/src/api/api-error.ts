import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ReaderLanguage } from './reader-language.ts';

/** A sentence a person may read, in both languages the API answers in. */
export type Bilingual = Readonly<Record<ReaderLanguage, string>>;

/**
 * An error the API answers with `{ error: { code, message, details } }`. Given both languages,
 * it is answered in the reader's (`messageIn`); `message` is the English, for logs.
 */
export class ApiError extends Error {
  private readonly spanish: string | undefined;

  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string | Bilingual,
    readonly details?: unknown,
  ) {
    super(typeof message === 'string' ? message : message.en);
    this.spanish = typeof message === 'string' ? undefined : message.es;
  }

  /** The message in the reader's language (the one given when it was written in one only). */
  messageIn(language: ReaderLanguage): string {
    return language === 'es' && this.spanish !== undefined ? this.spanish : this.message;
  }
}

/** What `notFound` names, as a Spanish sentence says it does not exist (with its gender). */
const missingInSpanish = {
  'API key': 'La clave de API {id} no existe',
  Address: 'La dirección {id} no existe',
  'Bulk job': 'La acción en bloque {id} no existe',
  Call: 'La llamada {id} no existe',
  Campaign: 'La campaña {id} no existe',
  'Caught mail': 'El correo capturado {id} no existe',
  'Contact import': 'La importación de contactos {id} no existe',
  Contact: 'El contacto {id} no existe',
  Conversation: 'La conversación {id} no existe',
  Field: 'El campo {id} no existe',
  Flow: 'El flujo {id} no existe',
  'OAuth client': 'El cliente OAuth {id} no existe',
  Recording: 'La grabación {id} no existe',
  Segment: 'El segmento {id} no existe',
  Template: 'La plantilla {id} no existe',
  'Webhook trigger of flow': 'El flujo {id} no tiene un disparador webhook',
  Workspace: 'El espacio de trabajo {id} no existe',
} as const;

export type MissingThing = keyof typeof missingInSpanish;

export const notFound = (what: MissingThing, id: string) =>
  new ApiError(404, 'NOT_FOUND', {
    en: `${what} ${id} does not exist`,
    es: missingInSpanish[what].replace('{id}', id),
  });

/** A session that is over: the person signs in again. */
export const sessionExpired = () =>
  new ApiError(401, 'SESSION_EXPIRED', {
    en: 'Your session has expired; sign in again',
    es: 'Tu sesión ha caducado; vuelve a iniciar sesión',
  });

/** The 400 of a `cursor` the API did not give out (every paged list says it the same way). */
export const cursorInvalid = () =>
  new ApiError(400, 'CURSOR_INVALID', {
    en: 'The cursor is not one this API gave out',
    es: 'El cursor no es uno que haya dado esta API; pide la lista desde el principio',
  });

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}
