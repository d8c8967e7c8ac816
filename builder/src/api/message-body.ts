import type { Message } from './types.ts';

/** A quick reply a flow offered: WhatsApp reply button, numbered SMS option or web chat chip. */
export interface MessageButton {
  id: string;
  title: string;
}

/** What a message said, as far as the builder shows it. */
export interface MessageBody {
  text?: string;
  buttons?: MessageButton[];
  /** A WhatsApp list (more than three options): a button that opens these rows. */
  list?: { button: string; sections: { title: string; rows: MessageButton[] }[] };
  /** The button a person pressed (inbound). */
  choiceId?: string;
  template?: { name: string };
  media?: { kind: string; url?: string };
  /** A mail's subject (what the flow sent; a person's mail as the catcher took it). */
  subject?: string;
}

type Fields = { [key: string]: unknown };
const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null;
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function buttons(value: unknown): MessageButton[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((b) =>
    isFields(b) && text(b.id) !== undefined ? [{ id: String(b.id), title: String(b.title ?? '') }] : [],
  );
}

/**
 * The API declares a message's `body` free-form (the flow's outbound message as sent, or what a
 * person sent), so the builder reads only the fields it shows, each only when it has the right shape.
 */
export function messageBody(message: Pick<Message, 'body'>): MessageBody {
  const body = message.body;
  if (!isFields(body)) return {};
  const result: MessageBody = {};
  const bodyText = text(body.text);
  if (bodyText !== undefined) result.text = bodyText;
  if (Array.isArray(body.buttons)) result.buttons = buttons(body.buttons);
  const list = body.list;
  if (isFields(list) && Array.isArray(list.sections))
    result.list = {
      button: text(list.button) ?? '',
      sections: list.sections
        .filter(isFields)
        .map((s) => ({ title: text(s.title) ?? '', rows: buttons(s.rows) })),
    };
  const choiceId = text(body.choiceId);
  if (choiceId !== undefined) result.choiceId = choiceId;
  if (isFields(body.template) && text(body.template.name) !== undefined)
    result.template = { name: String(body.template.name) };
  if (isFields(body.email) && text(body.email.subject)) result.subject = String(body.email.subject);
  const media = body.media;
  if (isFields(media) && text(media.kind) !== undefined) {
    const url = text(media.url);
    result.media = { kind: String(media.kind), ...(url !== undefined ? { url } : {}) };
  }
  return result;
}
