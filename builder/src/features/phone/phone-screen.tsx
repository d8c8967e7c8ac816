import { useEffect, useMemo, useRef } from 'react';
import { messageBody } from '../../api/message-body.ts';
import type { Message, MessagingChannel, SandboxInbound } from '../../api/types.ts';
import type { Poll } from '../../api/use-poll.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { buttonReply } from './button-reply.ts';
import { MessageBubble } from './message-bubble.tsx';
import { offeredOptions } from './offered-options.ts';
import { PhoneReplyBox } from './phone-reply-box.tsx';

const headerLook = {
  whatsapp: 'bg-emerald-700',
  sms: 'bg-slate-700',
  webchat: 'bg-indigo-700',
  email: 'bg-amber-700',
} as const;

export type PhoneReply = Pick<SandboxInbound, 'text' | 'choiceId'>;

/**
 * A phone's screen on a sandbox channel: the conversation as the person sees it (the bot's
 * messages with ticks and the replies they offer), and a keyboard. Used by the phone page and by
 * the builder's simulator for chat flows.
 */
export function PhoneScreen({
  channel,
  title,
  conversation,
  sending,
  disabled,
  emptyText,
  className = 'h-[640px] w-[360px] rounded-[2rem] border-8',
  onSend,
}: {
  channel: MessagingChannel;
  title: string;
  /** Undefined while there is no one to show a conversation for. */
  conversation: Poll<Message[]> | undefined;
  sending: boolean;
  disabled: boolean;
  emptyText: string;
  className?: string;
  onSend: (reply: PhoneReply) => Promise<boolean>;
}) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const timeFormat = useMemo(
    () => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }),
    [locale],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const messages = conversation?.data;
  const lastId = messages?.at(-1)?.id;
  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lastId]);

  const pick = (message: Message, index: number) =>
    void onSend(buttonReply(message.channel, offeredOptions(messageBody(message)), index));

  return (
    <section
      aria-labelledby="phone-screen-title"
      className={`flex flex-col overflow-hidden border-slate-800 bg-slate-100 shadow-lg ${className}`}
    >
      <h2
        id="phone-screen-title"
        className={`px-4 py-2 text-sm font-semibold text-white ${headerLook[channel]}`}
      >
        {title}
      </h2>
      <div ref={scroller} className="min-h-0 flex-1 overflow-y-auto p-3">
        {conversation && messages === undefined ? (
          !conversation.error && <p className="text-sm text-slate-500">{t('common.loading')}</p>
        ) : !messages || messages.length === 0 ? (
          <p className="text-center text-sm text-slate-500">{emptyText}</p>
        ) : (
          <ol aria-labelledby="phone-screen-title" className="space-y-2">
            {messages.map((message) => (
              <MessageBubble
                key={message.id}
                message={message}
                time={timeFormat.format(new Date(message.createdAt))}
                sending={sending}
                onPick={pick}
              />
            ))}
          </ol>
        )}
      </div>
      <PhoneReplyBox sending={sending} disabled={disabled} onSend={(text) => onSend({ text })} />
    </section>
  );
}
