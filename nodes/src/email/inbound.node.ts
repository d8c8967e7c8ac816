import { z } from 'zod';
import { outputField } from '../sdk/output-schema.ts';
import { defineNode } from '../sdk/define-node.ts';
import { durationSchema, parseDuration } from '../sdk/duration.ts';

export const emailInbound = defineNode({
  type: 'email.inbound',
  version: 1,
  title: { en: 'Email received', es: 'Correo recibido' },
  description: {
    en: 'Starts a run when a mail arrives at one of your addresses (optionally from a sender or with words in the subject). Replies to the mails a run sent go to that run.',
    es: 'Inicia una ejecución cuando llega un correo a una de tus direcciones (opcionalmente de un remitente o con palabras en el asunto). Las respuestas a los correos de una ejecución van a esa ejecución.',
  },
  category: 'email',
  icon: 'inbox',
  portDescriptions: {
    next: {
      en: 'Where the run begins when a matching mail arrives.',
      es: 'Por donde empieza la ejecución cuando llega un correo que encaja.',
    },
  },
  summary: [
    { field: 'address', label: { en: 'To', es: 'Para' } },
    { field: 'sender', label: { en: 'From', es: 'De' } },
    { field: 'subject', label: { en: 'Subject has', es: 'Asunto con' } },
  ],
  trigger: true,
  // The person who wrote is in a conversation with the run, by mail: answers go in the thread.
  startsConversation: () => ['email'],
  ports: ['next'],
  // The mail that started the run (its input, also this node's output).
  output: z.object({
    channel: z.string().meta(outputField('Channel', 'Canal', 'email')),
    from: z.string().meta(outputField('Sender', 'Remitente', 'ana@example.com')),
    to: z.string().meta(outputField('Address written to', 'Dirección de destino', 'ayuda@example.com')),
    text: z.string().meta(outputField('Mail text', 'Texto del correo', 'Hola, necesito ayuda')),
    email: z
      .object({
        subject: z.string().meta(outputField('Subject', 'Asunto', 'Mi pedido')),
      })
      .loose()
      .meta(outputField('Mail details', 'Detalles del correo', { subject: 'Mi pedido' })),
  }),
  config: z.object({
    address: z
      .string()
      .trim()
      .toLowerCase()
      .default('')
      .refine((a) => a === '' || /^[^\s@]+@[^\s@]+$/.test(a), 'Write one address, such as ayuda@example.com')
      .meta({
        ui: {
          label: { en: 'To address (empty: any of yours)', es: 'A la dirección (vacío: cualquiera tuya)' },
        },
      }),
    sender: z
      .string()
      .default('')
      .meta({
        ui: {
          label: {
            en: 'From (addresses or @domains, comma-separated; empty: anyone)',
            es: 'De (direcciones o @dominios, separados por comas; vacío: cualquiera)',
          },
        },
      }),
    subject: z
      .string()
      .default('')
      .meta({
        ui: {
          label: { en: 'Subject contains (empty: any)', es: 'El asunto contiene (vacío: cualquiera)' },
        },
      }),
    autoReplyPeriod: durationSchema.default('P1D').meta({
      ui: {
        widget: 'duration',
        label: {
          en: 'Answer each sender at most once every',
          es: 'Responder a cada remitente como mucho una vez cada',
        },
      },
    }),
  }),
  // The mail that started the run is its input: { channel, from, to, text, email: { subject, cc,
  // messageId, inReplyTo, references, attachments } }.
  compile: (node, ctx) => ({
    entry: [{ type: 'saveInput', params: { nodeId: node.id } }],
    always: { target: ctx.target('next'), actions: [ctx.leave('next')] },
  }),
});

export type EmailInboundConfig = z.infer<typeof emailInbound.config>;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();

/** Does a mail start a run of a flow whose `email.inbound` trigger has this config? */
export function emailInboundMatches(
  config: Pick<EmailInboundConfig, 'address' | 'sender' | 'subject'>,
  mail: { channel: string; from: string; to: string; email?: { subject: string } | undefined },
): boolean {
  if (mail.channel !== 'email') return false;
  const address = config.address.trim().toLowerCase();
  if (address && address !== mail.to.trim().toLowerCase()) return false;
  const senders = config.sender
    .split(/[,;]/)
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  const from = mail.from.trim().toLowerCase();
  if (senders.length > 0 && !senders.some((s) => fromMatches(s, from))) return false;
  const words = fold(config.subject);
  return words === '' || fold(mail.email?.subject ?? '').includes(words);
}

/** `ana@example.com` is that address; `@example.com` or `example.com` is anyone at that domain. */
function fromMatches(sender: string, from: string): boolean {
  if (sender.includes('@') && !sender.startsWith('@')) return sender === from;
  const domain = sender.replace(/^@/, '');
  return from.endsWith(`@${domain}`);
}

/** How long after an auto-reply the same sender gets none from the flow (RFC 3834 §2). */
export function autoReplyPeriodMs(config: Pick<EmailInboundConfig, 'autoReplyPeriod'>): number {
  return parseDuration(config.autoReplyPeriod) ?? 86_400_000;
}
