import type { OutboundMessage } from '../sdk/channels.ts';
import { NodeError } from '../sdk/node-error.ts';
import type {
  ActivityDeps,
  NodeMessaging,
  NodeTemplates,
  ReceivedMail,
  TemplateScope,
} from '../sdk/types.ts';

/** A NodeMessaging that keeps what nodes send, for node tests; `lastMail` answers `received`. */
export function recordingMessaging(options: { received?: ReceivedMail; fail?: Error } = {}) {
  const sent: { channel: string; message: Omit<OutboundMessage, 'idempotencyKey'> }[] = [];
  const messaging: NodeMessaging = {
    async send(channel, message) {
      if (options.fail) throw options.fail;
      sent.push({ channel, message });
      return { messageId: `m${sent.length}`, providerMessageId: `p${sent.length}@example.test`, segments: 1 };
    },
    lastMail: async () => options.received,
  };
  return { sent, messaging };
}

/** An in-memory template library: `{{ … }}` in it is rendered by the test's own replace. */
export function memoryTemplates(
  library: Record<string, { subject: string; html: string; text: string }>,
): NodeTemplates & { asked: { name: string; language: string }[] } {
  const asked: { name: string; language: string }[] = [];
  return {
    asked,
    async email(name, language, scope: TemplateScope) {
      asked.push({ name, language });
      const found = library[`${name}:${language}`];
      if (!found) throw new NodeError('TEMPLATE_NOT_FOUND', `No email template named ${name}`, false);
      const vars = scope.vars as Record<string, string>;
      const fill = (s: string) => s.replace(/\{\{ vars\.(\w+) \}\}/g, (_, key: string) => vars[key] ?? '');
      return { subject: fill(found.subject), html: fill(found.html), text: fill(found.text) };
    },
    async text() {
      throw new NodeError('TEMPLATE_NOT_FOUND', 'No text templates here', false);
    },
  };
}

export const deps = (extra: Partial<ActivityDeps> = {}): ActivityDeps => ({
  idempotencyKey: 'run:mail:1',
  signal: new AbortController().signal,
  env: {},
  ...extra,
});

/** A run's input when a mail started it (route-inbound's messageEventData). */
export const mailInput = {
  channel: 'email',
  from: 'ana@example.com',
  to: 'ayuda@omniflow.test',
  text: 'No puedo entrar en mi cuenta',
  email: {
    subject: 'Acceso',
    cc: [],
    messageId: 'first.1@mail.example.com',
    references: [],
    attachments: [{ id: 'att-1', filename: 'captura.png', contentType: 'image/png', bytes: 2048 }],
  },
};
