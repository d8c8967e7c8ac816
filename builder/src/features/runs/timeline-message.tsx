import { messageBody } from '../../api/message-body.ts';
import type { Message } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { JsonTree } from '../../ui/json-tree.tsx';
import { MailEventList } from '../mail-events/mail-event-list.tsx';

const time = (iso: string, locale: string) =>
  new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

const failedStatuses = new Set(['failed', 'undelivered', 'expired', 'bounced']);

/** What the message says, in a line: its text, else its template's name, else its media kind. */
function summary(message: Message): string {
  const body = messageBody(message);
  return body.text ?? body.template?.name ?? body.media?.kind ?? '';
}

/**
 * A message the run sent or received, between its steps: the words, who to, and how far it got
 * (every status the provider reported, with its time and error code).
 */
export function TimelineMessage({ message, nodeLabel }: { message: Message; nodeLabel: string | null }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const sent = message.direction === 'outbound';
  const failed = failedStatuses.has(message.status);
  return (
    <li
      data-message={message.direction}
      data-status={message.status}
      className={`ml-4 rounded-lg border p-2 ${
        failed
          ? 'border-red-300 bg-red-50'
          : sent
            ? 'border-indigo-200 bg-indigo-50'
            : 'border-sky-300 bg-sky-50'
      }`}
    >
      <p className="text-sm">
        <span aria-hidden="true">{sent ? '↗ ' : '↘ '}</span>
        {t(sent ? 'run.message.sent' : 'run.message.received', {
          channel: t(`run.channel.${message.channel}`),
          address: message.contactAddress,
          time: time(message.createdAt, locale),
        })}
        {nodeLabel && <span className="text-slate-500"> · {nodeLabel}</span>}
      </p>
      <p className="mt-1 rounded bg-white px-2 py-1 text-sm whitespace-pre-wrap">{summary(message)}</p>
      {sent && (
        <ol
          aria-label={t('run.message.statuses')}
          className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-600"
        >
          {message.statusHistory.map((entry, index) => (
            <li
              key={index}
              className={failedStatuses.has(entry.status) ? 'font-semibold text-red-700' : undefined}
            >
              {t(`run.message.status.${entry.status}` as 'run.message.status.sent')} {time(entry.at, locale)}
              {entry.errorCode && ` · ${entry.errorCode}`}
              {entry.errorMessage && ` (${entry.errorMessage})`}
            </li>
          ))}
          {message.segments > 1 && <li>{t('run.message.segments', { count: message.segments })}</li>}
        </ol>
      )}
      {message.emailEvents && <MailEventList events={message.emailEvents} />}
      <JsonTree label={t('run.message.body')} value={message.body} />
    </li>
  );
}
