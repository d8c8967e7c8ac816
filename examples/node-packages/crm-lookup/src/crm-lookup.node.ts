import { z } from 'zod';
import { defineNode, outputField, parseDuration, renderText, NodeError } from '@omniflow/nodes/sdk';
import { sendRequest } from '@omniflow/nodes/http';

/**
 * Version 1 took a customer id only (`customerId`). Version 2 looks up by id, e-mail or phone, so
 * a flow saved with version 1 is upgraded by `migrate` when it is opened or published.
 */
const configV1 = z.object({ baseUrl: z.string(), customerId: z.string() });

export const crmLookup = defineNode({
  type: 'crm.lookup',
  version: 2,
  title: { en: 'CRM lookup', es: 'Buscar en el CRM' },
  description: {
    en: 'Finds a customer in the CRM by id, e-mail or phone; "found" gives their record, "not found" when the CRM has none.',
    es: 'Busca un cliente en el CRM por id, correo o teléfono; «encontrado» da su ficha y «no encontrado» cuando el CRM no lo tiene.',
  },
  category: 'data',
  icon: 'contact',
  ports: ['found', 'notFound', 'failed'],
  portDescriptions: {
    found: { en: 'The CRM has the customer.', es: 'El CRM tiene al cliente.' },
    notFound: {
      en: 'The CRM answered that there is no such customer.',
      es: 'El CRM respondió que no hay tal cliente.',
    },
    failed: {
      en: 'The CRM could not be reached, refused the key or answered an error.',
      es: 'No se pudo llegar al CRM, rechazó la clave o respondió con un error.',
    },
  },
  summary: [{ field: 'value', before: 'lookupBy' }],
  config: z.object({
    baseUrl: z
      .string()
      .url('Enter the CRM address, like https://crm.example.com')
      .meta({ ui: { widget: 'text', label: { en: 'CRM address', es: 'Dirección del CRM' } } }),
    lookupBy: z
      .enum(['id', 'email', 'phone'])
      .default('id')
      .meta({
        ui: {
          widget: 'select',
          label: { en: 'Look up by', es: 'Buscar por' },
          optionLabels: {
            id: { en: 'Customer id', es: 'Id de cliente' },
            email: { en: 'E-mail', es: 'Correo' },
            phone: { en: 'Phone', es: 'Teléfono' },
          },
        },
      }),
    value: z
      .string()
      .min(1, 'Say what to look up, e.g. {{ input.email }}')
      .meta({ ui: { widget: 'template', label: { en: 'Value', es: 'Valor' } } }),
    // The SDK has no sealed config field yet, so the key never goes in the flow: the worker's
    // environment holds it and the flow names only the variable.
    apiKeyVariable: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]*$/, 'An environment variable name, like CRM_API_KEY')
      .default('CRM_API_KEY')
      .meta({
        ui: {
          widget: 'text',
          label: {
            en: 'Environment variable with the API key',
            es: 'Variable de entorno con la clave de la API',
          },
        },
      }),
    timeout: z
      .string()
      .default('PT10S')
      .meta({ ui: { widget: 'duration', label: { en: 'Timeout', es: 'Tiempo máximo' } } }),
  }),
  migrate(config, fromVersion) {
    if (fromVersion !== 1) return config;
    const old = configV1.parse(config);
    return { baseUrl: old.baseUrl, lookupBy: 'id', value: old.customerId };
  },
  compile: (_node, ctx) => ctx.runActivity({ ports: ['found', 'notFound', 'failed'], errorPort: 'failed' }),
  activity: {
    options: {
      startToCloseTimeout: '1m',
      retry: { maximumAttempts: 3, initialInterval: '1s', backoffCoefficient: 2 },
    },
    output: z.object({
      id: z.string().meta(outputField('Customer id', 'Id de cliente', 'c-42')),
      name: z.string().meta(outputField('Name', 'Nombre', 'Ana Pérez')),
      email: z.string().meta(outputField('E-mail', 'Correo', 'ana@example.com')),
      tier: z.string().meta(outputField('Tier', 'Nivel', 'gold')),
    }),
    async run(config, scope, deps) {
      const key = deps.env[config.apiKeyVariable];
      if (!key) {
        throw new NodeError(
          'CRM_KEY_MISSING',
          `The worker has no ${config.apiKeyVariable}: set it to the CRM's API key`,
          false,
        );
      }
      const value = renderText(config.value, scope).trim();
      const url = new URL(`/customers?${config.lookupBy}=${encodeURIComponent(value)}`, config.baseUrl);
      const reply = await sendRequest({
        method: 'GET',
        url: url.toString(),
        headers: { authorization: `Bearer ${key}`, accept: 'application/json' },
        timeoutMs: parseDuration(config.timeout) ?? 10_000,
        allowPrivate: deps.env.OMNIFLOW_HTTP_ALLOW_PRIVATE === '1',
        signal: deps.signal,
      });
      const input = { lookupBy: config.lookupBy, value };
      if (reply.status === 404) return { port: 'notFound', output: null, input };
      if (reply.status < 200 || reply.status >= 300) {
        return {
          port: 'failed',
          output: { status: reply.status },
          input,
          fault: { code: `CRM_HTTP_${reply.status}`, message: `The CRM answered ${reply.status}` },
        };
      }
      const customer: unknown = JSON.parse(reply.body);
      return { port: 'found', output: customer, input };
    },
  },
});
