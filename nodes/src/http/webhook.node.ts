import { z } from 'zod';
import { outputField } from '../sdk/output-schema.ts';
import { defineNode } from '../sdk/define-node.ts';
import { durationSchema, parseDuration } from '../sdk/duration.ts';

export const webhookMethods = ['ANY', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type WebhookMethod = (typeof webhookMethods)[number];

/**
 * A path a caller types after the hook's base URL: segments of letters, digits, `-`, `_` and `.`,
 * separated by single slashes. Lowercase-folded when matched, so `Orders/New` and `orders/new`
 * are one claim.
 */
const pathPattern = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

/** Why a webhook path cannot be served, or undefined when it can (the validator's check). */
export function webhookPathProblem(path: string): string | undefined {
  const trimmed = normalizeWebhookPath(path);
  if (trimmed === '') return 'empty';
  if (!pathPattern.test(trimmed) || trimmed.split('/').some((s) => s === '.' || s === '..'))
    return 'characters';
  if (trimmed.length > 200) return 'long';
  return undefined;
}

/** The form a path is stored and matched in: no slashes at its ends, lowercase. */
export const normalizeWebhookPath = (path: string) =>
  path
    .trim()
    .replace(/^\/+|\/+$/g, '')
    .toLowerCase();

export const httpWebhook = defineNode({
  type: 'http.webhook',
  version: 1,
  title: { en: 'Webhook received', es: 'Webhook recibido' },
  description: {
    en: 'Starts a run when a request arrives at this flow’s URL; end the flow with “Answer the request” to reply to the caller.',
    es: 'Inicia una ejecución cuando llega una petición a la URL de este flujo; termina el flujo con «Responder a la petición» para contestar a quien llamó.',
  },
  category: 'http',
  pure: true,
  icon: 'webhook',
  portDescriptions: {
    next: {
      en: 'Where the run begins when a request arrives.',
      es: 'Por donde empieza la ejecución cuando llega una petición.',
    },
  },
  summary: [
    { field: 'path', before: 'method' },
    { field: 'auth', as: 'choice' },
  ],
  trigger: true,
  ports: ['next'],
  // The request that started the run (its input, also this node's output).
  output: z.object({
    method: z.string().meta(outputField('Method', 'Método', 'POST')),
    path: z.string().meta(outputField('Path', 'Ruta', 'orders/new')),
    query: z
      .record(z.string(), z.string())
      .meta(outputField('Query parameters', 'Parámetros de la consulta', { page: '2' })),
    headers: z
      .record(z.string(), z.string())
      .meta(outputField('Headers', 'Cabeceras', { 'content-type': 'application/json' })),
    body: z.unknown().meta(outputField('Body', 'Cuerpo', { n: 7 })),
  }),
  config: z.object({
    path: z
      .string()
      .default('')
      .meta({
        ui: {
          label: { en: 'Path', es: 'Ruta' },
          help: {
            en: 'What follows the hook address, such as orders/new: letters, digits, -, _ and . between slashes. Two published flows cannot take the same path and method.',
            es: 'Lo que sigue a la dirección del webhook, como pedidos/nuevo: letras, dígitos, -, _ y . entre barras. Dos flujos publicados no pueden usar la misma ruta y método.',
          },
        },
      }),
    method: z
      .enum(webhookMethods)
      .default('POST')
      .meta({
        ui: {
          widget: 'select',
          label: { en: 'Method', es: 'Método' },
          optionLabels: { ANY: { en: 'Any method', es: 'Cualquier método' } },
        },
      }),
    auth: z
      .enum(['none', 'apiKey', 'hmac'])
      .default('none')
      .meta({
        ui: {
          widget: 'select',
          label: { en: 'Who may call', es: 'Quién puede llamar' },
          optionLabels: {
            none: { en: 'Anyone with the URL', es: 'Cualquiera con la URL' },
            apiKey: {
              en: 'An Omniflow API key (Authorization: Bearer)',
              es: 'Una clave de API de Omniflow (Authorization: Bearer)',
            },
            hmac: { en: 'A signed request (HMAC-SHA256)', es: 'Una petición firmada (HMAC-SHA256)' },
          },
          help: {
            en: 'API key: a key of this workspace with the “runs:write” scope. Signed: the caller signs the raw body with the secret set for this flow (Settings of the node) and sends the hex digest, optionally as sha256=…, in the header below.',
            es: 'Clave de API: una clave de este espacio con el alcance «runs:write». Firmada: quien llama firma el cuerpo tal cual con el secreto guardado para este flujo y envía el resumen en hexadecimal, opcionalmente como sha256=…, en la cabecera de abajo.',
          },
        },
      }),
    signatureHeader: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]+$/, 'A header name has only letters, digits and -')
      .default('X-Signature-256')
      .meta({ ui: { label: { en: 'Signature header', es: 'Cabecera de la firma' } } }),
    respondWithin: durationSchema.default('PT10S').meta({
      ui: {
        widget: 'duration',
        label: { en: 'Answer 202 if no answer within', es: 'Responder 202 si no hay respuesta en' },
        help: {
          en: 'If the run does not reach “Answer the request” in this time, the caller gets 202 with the run id and the run goes on.',
          es: 'Si la ejecución no llega a «Responder a la petición» en este tiempo, quien llamó recibe 202 con el id de la ejecución y la ejecución sigue.',
        },
      },
    }),
  }),
  // The request is the run's input: { method, path, query, headers, body }.
  compile: (node, ctx) => ({
    entry: [{ type: 'saveInput', params: { nodeId: node.id } }],
    always: { target: ctx.target('next'), actions: [ctx.leave('next')] },
  }),
});

export type HttpWebhookConfig = z.infer<typeof httpWebhook.config>;

/** How long a caller waits for the flow's answer before hearing 202 (at most a minute). */
export function respondWithinMs(config: Pick<HttpWebhookConfig, 'respondWithin'>): number {
  return Math.min(parseDuration(config.respondWithin) ?? 10_000, 60_000);
}
