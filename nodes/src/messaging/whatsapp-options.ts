import type { OutboundMessage, ReplyButton } from '../drivers/messaging/messaging-driver.ts';
import { whatsAppLimits } from '../drivers/whatsapp/render-message.ts';

/** A symbol rather than a word: the list's button reads the same in any language. */
export const defaultListButton = '☰';

/**
 * How options show on WhatsApp: reply buttons when they fit (3 or fewer, short titles), otherwise
 * a list message of one section (up to 10 rows, 24-character titles) opened by `listButton`.
 */
export function whatsAppOptions(
  buttons: readonly ReplyButton[],
  listButton: string,
): Pick<OutboundMessage, 'buttons' | 'list'> {
  if (buttons.length === 0) return {};
  const fits =
    buttons.length <= whatsAppLimits.buttons &&
    buttons.every((b) => [...b.title].length <= whatsAppLimits.buttonTitle);
  if (fits) return { buttons: [...buttons] };
  return {
    list: {
      button: listButton.trim() || defaultListButton,
      sections: [{ title: '', rows: buttons.map(({ id, title }) => ({ id, title })) }],
    },
  };
}
