import type { MessageButton } from '../../api/message-body.ts';
import type { MessagingChannel, SandboxInbound } from '../../api/types.ts';
import { smsOptions } from './sms-options.ts';

/**
 * What pressing an offered reply sends. WhatsApp and web chat say which button it was (its id)
 * with its title as the text; an SMS can only carry text, so it is the option's number, as on email.
 */
export function buttonReply(
  channel: MessagingChannel,
  buttons: readonly MessageButton[],
  index: number,
): Pick<SandboxInbound, 'text' | 'choiceId'> {
  const button = buttons[index];
  const option = smsOptions(buttons)[index];
  if (!button || !option) throw new RangeError(`No offered reply at ${index}`);
  // Mail has no buttons either: the mail catcher writes them as the same numbered lines.
  return channel === 'sms' || channel === 'email'
    ? { text: option.reply }
    : { choiceId: button.id, text: button.title };
}
