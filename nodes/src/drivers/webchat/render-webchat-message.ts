import type { OutboundMessage } from '../messaging/messaging-driver.ts';
import type { WebChatMessage } from './webchat-events.ts';

/**
 * What a flow sends, as the widget shows it: reply buttons and list rows become chips (a browser
 * has room for all of them, so no numbering as on SMS), a template becomes its filled-in text,
 * media stays media (the widget shows images inline and links the rest).
 */
export function renderWebChatMessage(message: OutboundMessage, id: string, at: Date): WebChatMessage {
  const chips = [
    ...(message.buttons ?? []),
    ...(message.list?.sections.flatMap((s) => s.rows.map((r) => ({ id: r.id, title: r.title }))) ?? []),
  ];
  const text = message.text ?? message.template?.parameters.join(' ');
  return {
    id,
    from: 'bot',
    ...(text ? { text } : {}),
    ...(chips.length > 0 ? { chips } : {}),
    ...(message.media
      ? {
          media: {
            kind: message.media.kind,
            url: message.media.url,
            ...(message.media.caption ? { caption: message.media.caption } : {}),
          },
        }
      : {}),
    at: at.toISOString(),
  };
}
