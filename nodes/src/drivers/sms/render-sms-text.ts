import type { OutboundMessage } from '../messaging/messaging-driver.ts';
import { NodeError } from '../../sdk/node-error.ts';

/**
 * The text an SMS carries for a flow's message. SMS shows only text, so buttons and list rows
 * become numbered options (the reply "2" picks the second) and media becomes its link.
 */
export function renderSmsText(message: OutboundMessage): string {
  if (message.template) {
    throw new NodeError(
      'SMS_TEMPLATE_UNSUPPORTED',
      `SMS has no pre-approved templates: "${message.template.name}" is a WhatsApp template; send text instead`,
      false,
    );
  }
  const lines: string[] = [];
  if (message.text) lines.push(message.text);
  const options = [
    ...(message.buttons ?? []).map((b) => b.title),
    ...(message.list?.sections ?? []).flatMap((s) => s.rows.map((r) => r.title)),
  ];
  options.forEach((title, i) => lines.push(`${i + 1}. ${title}`));
  if (message.media) {
    if (message.media.caption) lines.push(message.media.caption);
    lines.push(message.media.url);
  }
  const text = lines.join('\n');
  if (!text) throw new NodeError('SMS_EMPTY_MESSAGE', `The SMS to ${message.to} has no text`, false);
  return text;
}
