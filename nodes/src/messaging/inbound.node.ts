import { z } from 'zod';
import { outputField } from '../sdk/output-schema.ts';
import { defineNode } from '../sdk/define-node.ts';

export const messageInbound = defineNode({
  type: 'message.inbound',
  version: 1,
  title: { en: 'Message received', es: 'Mensaje recibido' },
  description: {
    en: 'Starts a run when someone writes on a channel (to one of your numbers, optionally with a keyword).',
    es: 'Inicia una ejecución cuando alguien escribe por un canal (a uno de tus números, opcionalmente con una palabra clave).',
  },
  category: 'messaging',
  icon: 'message-square',
  portDescriptions: {
    next: {
      en: 'Where the run begins when the message arrives.',
      es: 'Por donde empieza la ejecución cuando llega el mensaje.',
    },
  },
  summary: [
    { field: 'keyword', label: { en: 'Keyword', es: 'Palabra clave' } },
    { field: 'to', label: { en: 'To', es: 'A' } },
    { field: 'channel', as: 'choice' },
  ],
  trigger: true,
  // The person who wrote is in a conversation with the run, on the channel they wrote on.
  startsConversation: (config) =>
    config.channel === 'any' ? ['whatsapp', 'sms', 'webchat', 'email'] : [config.channel],
  ports: ['next'],
  // The message that started the run (its input, also this node's output).
  output: z.object({
    channel: z.string().meta(outputField('Channel', 'Canal', 'whatsapp')),
    from: z.string().meta(outputField('Who wrote', 'Quién escribió', '+34600111222')),
    to: z
      .string()
      .meta(outputField('Number or address written to', 'Número o dirección de destino', '+34910000000')),
    text: z.string().meta(outputField('Message text', 'Texto del mensaje', 'Hola')),
    choiceId: z
      .string()
      .optional()
      .meta(outputField('Button pressed', 'Botón pulsado', 'si')),
  }),
  config: z.object({
    channel: z
      .enum(['any', 'whatsapp', 'sms', 'webchat', 'email'])
      .default('any')
      .meta({
        ui: {
          widget: 'select',
          label: { en: 'Channel', es: 'Canal' },
          optionLabels: {
            any: { en: 'Any channel', es: 'Cualquier canal' },
            whatsapp: { en: 'WhatsApp', es: 'WhatsApp' },
            sms: { en: 'SMS', es: 'SMS' },
            webchat: { en: 'Web chat', es: 'Chat web' },
            email: { en: 'Email', es: 'Correo electrónico' },
          },
        },
      }),
    to: z
      .string()
      .default('')
      .meta({ ui: { label: { en: 'To number (empty: any)', es: 'Al número (vacío: cualquiera)' } } }),
    keyword: z
      .string()
      .default('')
      .meta({
        ui: {
          label: { en: 'First word (empty: any message)', es: 'Primera palabra (vacío: cualquier mensaje)' },
          // A person wrote "Quiero una cita" to a bot keyed on "cita" and nothing started.
          help: {
            en: 'Only a message that starts with this word starts the flow: “appointment tomorrow” does, “I want an appointment” does not.',
            es: 'Solo un mensaje que empieza por esta palabra inicia el flujo: «cita mañana» sí, «Quiero una cita» no.',
          },
        },
      }),
  }),
  // The message that started the run is its input: { channel, from, to, text, choiceId }.
  compile: (node, ctx) => ({
    entry: [{ type: 'saveInput', params: { nodeId: node.id } }],
    always: { target: ctx.target('next'), actions: [ctx.leave('next')] },
  }),
});

/** Does an inbound message start a run of a flow whose trigger has this config? */
export function inboundMatches(
  config: { channel: string; to: string; keyword: string },
  message: { channel: string; to: string; text?: string },
): boolean {
  if (config.channel !== 'any' && config.channel !== message.channel) return false;
  if (config.to.trim() && config.to.replace(/[\s().-]/g, '') !== message.to.replace(/[\s().-]/g, ''))
    return false;
  if (!config.keyword.trim()) return true;
  const first = (message.text ?? '').trim().split(/\s+/)[0] ?? '';
  // People write "Cita, por favor" or "¿Cita?": the punctuation around the word is not part of it.
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
      .toLowerCase();
  return fold(first) === fold(config.keyword.trim());
}
