import type { EmailEvent } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';

const time = (iso: string, locale: string) =>
  new Date(iso).toLocaleString(locale, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

/** The sentence for one event: which key, and whether it is bad news. */
function wordsFor(event: EmailEvent): { key: MessageKey; bad: boolean } {
  switch (event.type) {
    case 'open':
      return { key: event.proxy ? 'mailEvents.openProxy' : 'mailEvents.open', bad: false };
    case 'click':
      return { key: 'mailEvents.click', bad: false };
    case 'bounce':
      return event.detail.kind === 'hard'
        ? { key: 'mailEvents.bounceHard', bad: true }
        : event.detail.permanent === true
          ? { key: 'mailEvents.bounceRefused', bad: true }
          : { key: 'mailEvents.bounceSoft', bad: false };
    case 'complaint':
      return { key: 'mailEvents.complaint', bad: true };
    case 'unsubscribe':
      return { key: 'mailEvents.unsubscribe', bad: true };
  }
}

/**
 * What happened to a mail after it left, oldest first: opens (those a mail provider's proxy made
 * said apart, as they are not a person reading), clicks with the link, bounces with the server's
 * words, complaints and unsubscribes.
 */
export function MailEventList({ events }: { events: readonly EmailEvent[] }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  if (events.length === 0) return null;
  return (
    <ol aria-label={t('mailEvents.title')} className="mt-1 space-y-0.5 text-xs">
      {events.map((event, index) => {
        const { key, bad } = wordsFor(event);
        const status = typeof event.detail.status === 'string' ? event.detail.status : '';
        const diagnostic = typeof event.detail.diagnostic === 'string' ? event.detail.diagnostic : '';
        return (
          <li
            key={index}
            data-mail-event={event.type}
            className={bad ? 'font-semibold text-red-700' : event.proxy ? 'text-slate-400' : 'text-slate-600'}
            title={event.userAgent ? t('mailEvents.userAgent', { agent: event.userAgent }) : undefined}
          >
            {t(key, { time: time(event.at, locale), url: event.url ?? '', status })}
            {diagnostic && <span className="font-normal text-slate-500"> · {diagnostic}</span>}
          </li>
        );
      })}
    </ol>
  );
}
