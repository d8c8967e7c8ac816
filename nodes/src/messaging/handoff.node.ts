import { z } from 'zod';
import { outputField } from '../sdk/output-schema.ts';
import { NodeError } from '../sdk/node-error.ts';
import { defineNode } from '../sdk/define-node.ts';
import { fromChildState } from '../sdk/compile-context.ts';
import { durationSchema, parseDuration } from '../sdk/duration.ts';
import { renderText } from '../sdk/expressions/templates.ts';
import { sendRequest } from '../http/send-request.ts';
import { messagingChannelSchema, resolveChannel } from './channel-field.ts';

export const conversationHandoff = defineNode({
  type: 'conversation.handoff',
  version: 1,
  title: { en: 'Hand over to an agent', es: 'Pasar a un agente' },
  description: {
    en: 'Puts the conversation in an agent queue, tells your helpdesk by webhook, and waits until the agent closes it.',
    es: 'Pone la conversación en la cola de agentes, avisa a tu helpdesk por webhook y espera a que el agente la cierre.',
  },
  category: 'messaging',
  icon: 'headset',
  portDescriptions: {
    closed: {
      en: 'An agent attended and closed the conversation.',
      es: 'Un agente atendió y cerró la conversación.',
    },
    timeout: { en: 'No agent closed it in time.', es: 'Ningún agente la cerró a tiempo.' },
    failed: {
      en: 'The conversation could not be handed to the queue.',
      es: 'No se pudo pasar la conversación a la cola.',
    },
  },
  summary: [
    { field: 'queue', label: { en: 'Queue', es: 'Cola' } },
    { field: 'timeout', as: 'duration', label: { en: 'At most', es: 'Como máximo' } },
  ],
  waits: true,
  ports: ['closed', 'timeout', 'failed'],
  requiredPorts: ['timeout'],
  config: z.object({
    channel: messagingChannelSchema.default('whatsapp'),
    address: z
      .string()
      .min(1)
      .default('{{ input.from }}')
      .meta({ ui: { widget: 'template', label: { en: 'Phone or chat id', es: 'Teléfono o id de chat' } } }),
    queue: z
      .string()
      .min(1, 'Name the agent queue')
      .default('support')
      .meta({ ui: { label: { en: 'Queue', es: 'Cola' } } }),
    notifyUrl: z
      .string()
      .default('')
      .meta({
        ui: {
          widget: 'template',
          label: { en: 'Notify webhook (optional)', es: 'Webhook de aviso (opcional)' },
        },
      }),
    timeout: durationSchema
      .default('PT8H')
      .meta({ ui: { widget: 'duration', label: { en: 'Wait at most', es: 'Esperar como máximo' } } }),
  }),
  compile: (node, ctx) => {
    const exit = (port: string) => fromChildState(ctx.target(port));
    const handing = ctx.runActivity({ ports: ['queued', 'failed'], errorPort: 'failed' }).invoke!;
    return {
      initial: 'handing',
      states: {
        handing: {
          invoke: {
            ...handing,
            onDone: [
              {
                guard: { type: 'portIs', params: { port: 'queued' } },
                target: 'waiting',
                actions: [{ type: 'saveOutput', params: { nodeId: node.id } }],
              },
              ...handing.onDone.slice(1).map((t) => ({ ...t, target: fromChildState(t.target) })),
            ],
            onError: [handing.onError].flat().map((t) => ({ ...t, target: fromChildState(t.target) })),
          },
        },
        waiting: {
          on: {
            'conversation.closed': {
              target: exit('closed'),
              actions: [{ type: 'saveEvent', params: { nodeId: node.id } }, ctx.leave('closed')],
            },
          },
          after: {
            [String(parseDuration(node.config.timeout))]: {
              target: exit('timeout'),
              actions: [ctx.leave('timeout')],
            },
          },
        },
      },
    };
  },
  activity: {
    options: { startToCloseTimeout: '1m', retry: { maximumAttempts: 5, initialInterval: '2s' } },
    output: z.object({
      conversationId: z.string().meta(outputField('Conversation id', 'Id de la conversación', 'conv-7')),
    }),
    async run(config, scope, deps) {
      if (!deps.conversations)
        throw new NodeError('CONVERSATIONS_UNAVAILABLE', 'This worker cannot hand conversations over', false);
      const address = renderText(config.address, scope).trim();
      const channel = resolveChannel(config.channel, scope);
      const { conversationId } = await deps.conversations.handOff({
        channel,
        address,
        queue: config.queue,
      });
      const url = config.notifyUrl ? renderText(config.notifyUrl, scope).trim() : '';
      if (url) {
        const reply = await sendRequest({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/json', 'idempotency-key': deps.idempotencyKey },
          body: JSON.stringify({
            conversationId,
            channel,
            address,
            queue: config.queue,
            runId: scope.run.id,
          }),
          timeoutMs: 10_000,
          allowPrivate: deps.env.OMNIFLOW_HTTP_ALLOW_PRIVATE === '1',
          signal: deps.signal,
        });
        // The helpdesk must know, or nobody picks the conversation up: a refusal is retried.
        if (reply.status >= 300)
          throw new NodeError(`HTTP_${reply.status}`, `${url} answered ${reply.status}`, true);
      }
      return {
        port: 'queued',
        output: { conversationId },
        input: { address, queue: config.queue, notifyUrl: url },
      };
    },
  },
});
