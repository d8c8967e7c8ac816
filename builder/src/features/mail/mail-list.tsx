import { useMemo } from 'react';
import type { CaughtMailSummary } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';

/** The caught mail, newest first; picking one opens it. */
export function MailList({
  mails,
  selectedId,
  onSelect,
}: {
  mails: CaughtMailSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const time = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }),
    [locale],
  );
  if (mails.length === 0) return <p className="p-3 text-sm text-slate-600">{t('mail.empty')}</p>;
  return (
    <ul aria-label={t('mail.list')} className="divide-y divide-slate-100">
      {mails.map((mail) => (
        <li key={mail.id}>
          <button
            type="button"
            aria-current={mail.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(mail.id)}
            className="w-full px-3 py-2 text-left hover:bg-slate-50 aria-[current=true]:bg-indigo-50"
          >
            <span className="flex gap-2 text-xs text-slate-500">
              <span className="flex-1 truncate">{mail.from}</span>
              <time dateTime={mail.createdAt}>{time.format(new Date(mail.createdAt))}</time>
            </span>
            <span className="block truncate text-sm font-medium">{mail.subject || t('mail.noSubject')}</span>
            <span className="block truncate text-xs text-slate-600">
              {t('mail.to', { addresses: mail.to.join(', ') })}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
