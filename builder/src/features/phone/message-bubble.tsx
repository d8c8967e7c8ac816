import { messageBody } from '../../api/message-body.ts';
import type { Message } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { deliveryTick } from './delivery-tick.ts';
import { DeliveryTicks } from './delivery-ticks.tsx';
import { offeredOptions } from './offered-options.ts';
import { OfferedReplies } from './offered-replies.tsx';

const personLook = {
  whatsapp: 'bg-emerald-100',
  sms: 'bg-sky-500 text-white',
  webchat: 'bg-indigo-600 text-white',
  email: 'bg-amber-100',
} as const;

/**
 * One message as a phone shows it: the person's on the right, the bot's on the left with its
 * delivery ticks and the replies it offered underneath. A mail shows its subject above its text.
 */
export function MessageBubble({
  message,
  time,
  sending,
  onPick,
}: {
  message: Message;
  /** When it was sent, already formatted for the reader. */
  time: string;
  sending: boolean;
  onPick: (message: Message, index: number) => void;
}) {
  const t = useT();
  const fromPerson = message.direction === 'inbound';
  const tick = deliveryTick(message);
  const body = messageBody(message);
  const { text, choiceId, media, subject } = body;
  const buttons = offeredOptions(body);
  return (
    <li
      aria-label={t(fromPerson ? 'phone.fromPerson' : 'phone.fromBot', { time })}
      data-direction={message.direction}
      className={`flex flex-col ${fromPerson ? 'items-end' : 'items-start'}`}
    >
      <div
        className={`max-w-[80%] rounded-2xl px-3 py-1.5 text-sm shadow-sm ${
          fromPerson
            ? `${personLook[message.channel]} rounded-br-sm`
            : 'rounded-bl-sm bg-white text-slate-900'
        }`}
      >
        {subject && <p className="font-semibold break-words">{subject}</p>}
        {text && <p className="whitespace-pre-wrap break-words">{text}</p>}
        {!text && choiceId && <p className="italic">{t('phone.chose', { choice: choiceId })}</p>}
        {media &&
          (media.url ? (
            <a href={media.url} target="_blank" rel="noreferrer" className="underline">
              {t('phone.media', { kind: media.kind })}
            </a>
          ) : (
            <p className="italic">{t('phone.media', { kind: media.kind })}</p>
          ))}
        <p className="mt-0.5 flex items-center justify-end gap-1 text-[11px] opacity-75">
          <time dateTime={message.createdAt}>{time}</time>
          {tick && <DeliveryTicks tick={tick} />}
        </p>
      </div>
      {!fromPerson && buttons.length > 0 && (
        <div className="w-[80%] max-w-xs">
          <OfferedReplies
            channel={message.channel}
            buttons={buttons}
            disabled={sending}
            onPick={(index) => onPick(message, index)}
          />
        </div>
      )}
    </li>
  );
}
