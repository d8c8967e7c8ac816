import type { MessageButton } from '../../api/message-body.ts';
import type { MessagingChannel } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { smsOptions } from './sms-options.ts';

/**
 * The replies a bot offered, as each channel shows them: reply buttons on WhatsApp, numbered
 * options on SMS and email, chips on web chat. Pressing one sends it (`onPick` gets its position).
 */
export function OfferedReplies({
  channel,
  buttons,
  disabled,
  onPick,
}: {
  channel: MessagingChannel;
  buttons: readonly MessageButton[];
  disabled: boolean;
  onPick: (index: number) => void;
}) {
  const t = useT();
  const labels =
    channel === 'sms' || channel === 'email'
      ? smsOptions(buttons).map((o) => o.label)
      : buttons.map((b) => b.title);
  const layout = {
    whatsapp: 'mt-1 flex flex-col gap-1',
    sms: 'mt-1 flex flex-col items-start gap-0.5',
    webchat: 'mt-1 flex flex-wrap gap-1',
    email: 'mt-1 flex flex-col items-start gap-0.5',
  }[channel];
  const look = {
    whatsapp:
      'w-full rounded-lg bg-white py-1.5 text-center text-sm font-medium text-sky-600 shadow-sm hover:bg-sky-50',
    sms: 'rounded px-1 text-left text-sm text-slate-800 underline decoration-dotted hover:bg-slate-200',
    webchat:
      'rounded-full border border-indigo-300 bg-white px-3 py-0.5 text-sm text-indigo-700 hover:bg-indigo-50',
    email: 'rounded px-1 text-left text-sm text-slate-800 underline decoration-dotted hover:bg-slate-200',
  }[channel];
  return (
    <div role="group" aria-label={t('phone.options')} data-channel={channel} className={layout}>
      {labels.map((label, i) => (
        <button
          key={buttons[i]?.id ?? i}
          type="button"
          disabled={disabled}
          onClick={() => onPick(i)}
          className={`${look} disabled:opacity-50`}
        >
          {channel === 'whatsapp' && (
            <span aria-hidden="true" className="mr-1">
              ↩
            </span>
          )}
          {label}
        </button>
      ))}
    </div>
  );
}
