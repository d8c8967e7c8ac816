import { z } from 'zod';
import { outputField } from '../sdk/output-schema.ts';
import { NodeError } from '../sdk/node-error.ts';
import { defineNode } from '../sdk/define-node.ts';
import { evaluateValue, renderText } from '../sdk/expressions/templates.ts';
import { messagingChannelSchema, resolveChannel } from '../messaging/channel-field.ts';

export const contactUpdate = defineNode({
  type: 'contact.update',
  version: 1,
  title: { en: 'Update contact', es: 'Actualizar contacto' },
  description: {
    en: 'Saves values (answers, choices) on the person, for later runs, campaigns and reports.',
    es: 'Guarda valores (respuestas, elecciones) en la persona, para otras ejecuciones, campañas e informes.',
  },
  category: 'data',
  icon: 'user-pen',
  portDescriptions: {
    next: {
      en: 'Goes on once the values are saved on the person.',
      es: 'Sigue cuando los valores quedan guardados en la persona.',
    },
  },
  summary: [{ field: 'fields', as: 'keys', label: { en: 'Saves', es: 'Guarda' } }],
  ports: ['next'],
  config: z.object({
    channel: messagingChannelSchema.default('whatsapp'),
    address: z
      .string()
      .min(1, 'Say whose contact to update')
      .default('{{ input.from }}')
      .meta({ ui: { widget: 'template', label: { en: 'Phone or chat id', es: 'Teléfono o id de chat' } } }),
    fields: z
      .record(
        z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'Field names are letters, digits and _'),
        z.string(),
      )
      .refine((f) => Object.keys(f).length > 0, 'Add at least one field to save')
      .meta({ ui: { widget: 'key-value', template: true, label: { en: 'Fields', es: 'Campos' } } }),
  }),
  compile: (_node, ctx) => ctx.runActivity({ ports: ['next'] }),
  activity: {
    options: { startToCloseTimeout: '1m', retry: { maximumAttempts: 5, initialInterval: '1s' } },
    output: z.object({
      contactId: z.string().meta(outputField('Contact id', 'Id del contacto', 'c-42')),
      attributes: z
        .record(z.string(), z.unknown())
        .meta(outputField('Saved fields', 'Campos guardados', { name: 'Ana' })),
    }),
    async run(config, scope, deps) {
      if (!deps.contacts)
        throw new NodeError('CONTACTS_UNAVAILABLE', 'This worker has no contact store', false);
      const address = renderText(config.address, scope).trim();
      if (!address)
        throw new NodeError('ADDRESS_MISSING', `The address rendered empty from ${config.address}`, false);
      // A field that is one {{ expression }} keeps its type: a number stays a number.
      const attributes = Object.fromEntries(
        Object.entries(config.fields).map(([name, value]) => [name, evaluateValue(value, scope)]),
      );
      const channel = resolveChannel(config.channel, scope);
      const saved = await deps.contacts.update(channel, address, attributes);
      return { port: 'next', output: saved, input: { channel, address, attributes } };
    },
  },
});
