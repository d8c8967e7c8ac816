import { z } from 'zod';
import { outputField } from '../sdk/output-schema.ts';
import { defineNode } from '../sdk/define-node.ts';
import { durationSchema, parseDuration } from '../sdk/duration.ts';
import { evaluateValue, renderText } from '../sdk/expressions/templates.ts';
import { sendRequest } from './send-request.ts';

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const;

function parseBody(text: string, contentType: string | undefined): unknown {
  if (contentType?.includes('json') && text !== '') {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

export const httpRequest = defineNode({
  type: 'http.request',
  version: 1,
  title: { en: 'HTTP request', es: 'Petición HTTP' },
  description: {
    en: 'Calls a web service; 2xx answers leave by "success", anything else by "failed" (unconnected, the run fails here).',
    es: 'Llama a un servicio web; las respuestas 2xx salen por «éxito» y el resto por «fallo» (sin conectar, la ejecución falla aquí).',
  },
  category: 'http',
  icon: 'globe',
  portDescriptions: {
    success: {
      en: 'The service answered with a 2xx status.',
      es: 'El servicio respondió con un estado 2xx.',
    },
    failed: {
      en: 'Any other answer, or no answer in time (unconnected: the run fails here).',
      es: 'Cualquier otra respuesta, o ninguna a tiempo (sin conectar: la ejecución falla aquí).',
    },
  },
  summary: [{ field: 'url', as: 'host', before: 'method' }],
  ports: ['success', 'failed'],
  config: z.object({
    method: z
      .enum(methods)
      .default('GET')
      .meta({ ui: { widget: 'select', label: { en: 'Method', es: 'Método' } } }),
    url: z
      .string()
      .min(1, 'Enter the URL to call')
      .meta({ ui: { widget: 'template', label: { en: 'URL', es: 'URL' } } }),
    headers: z
      .record(z.string(), z.string())
      .default({})
      .meta({ ui: { widget: 'key-value', template: true, label: { en: 'Headers', es: 'Cabeceras' } } }),
    body: z
      .string()
      .optional()
      .meta({
        ui: { widget: 'code', language: 'json', template: true, label: { en: 'Body', es: 'Cuerpo' } },
      }),
    timeout: durationSchema
      .meta({ ui: { widget: 'duration', label: { en: 'Timeout', es: 'Tiempo máximo' } } })
      .default('PT30S'),
  }),
  compile: (_node, ctx) => ctx.runActivity({ ports: ['success', 'failed'], errorPort: 'failed' }),
  activity: {
    // Network errors and timeouts are retried; an HTTP answer, even a 500, is a result.
    options: {
      startToCloseTimeout: '5m',
      retry: { maximumAttempts: 3, initialInterval: '1s', backoffCoefficient: 2 },
    },
    output: z.object({
      status: z.number().meta(outputField('Status code', 'Código de estado', 200)),
      headers: z
        .record(z.string(), z.unknown())
        .meta(outputField('Headers', 'Cabeceras', { 'content-type': 'application/json' })),
      body: z.unknown().meta(outputField('Body', 'Cuerpo', { ok: true })),
    }),
    async run(config, scope, deps) {
      const headers = Object.fromEntries(
        Object.entries(config.headers).map(([name, value]) => [name, renderText(value, scope)]),
      );
      const rawBody = config.body === undefined ? undefined : evaluateValue(config.body, scope);
      const body = rawBody === undefined || typeof rawBody === 'string' ? rawBody : JSON.stringify(rawBody);
      if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
        headers['content-type'] = /^\s*[[{]/.test(body) ? 'application/json' : 'text/plain; charset=utf-8';
      }
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'idempotency-key')) {
        headers['idempotency-key'] = deps.idempotencyKey;
      }
      const sent = { method: config.method, url: renderText(config.url, scope), headers, body };
      const reply = await sendRequest({
        ...sent,
        timeoutMs: parseDuration(config.timeout) ?? 30_000,
        allowPrivate: deps.env.OMNIFLOW_HTTP_ALLOW_PRIVATE === '1',
        signal: deps.signal,
      });
      const output = {
        status: reply.status,
        headers: reply.headers,
        body: parseBody(reply.body, reply.headers['content-type']),
      };
      if (reply.status >= 200 && reply.status < 300) return { port: 'success', output, input: sent };
      return {
        port: 'failed',
        output,
        input: sent,
        fault: {
          code: `HTTP_${reply.status}`,
          message: `${sent.method} ${sent.url} answered ${reply.status}`,
        },
      };
    },
  },
});
