import type { MessageBody, MessageButton } from '../../api/message-body.ts';

/**
 * The options a bot's message offers: its reply buttons, or the rows of its WhatsApp list (what
 * a message with more than three options, or long titles, becomes on WhatsApp).
 */
export function offeredOptions(body: MessageBody): MessageButton[] {
  if (body.buttons?.length) return body.buttons;
  return body.list?.sections.flatMap((s) => s.rows.map(({ id, title }) => ({ id, title }))) ?? [];
}
