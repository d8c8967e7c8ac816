import { useId, useMemo, useState } from 'react';
import { client, done } from '../../api/client.ts';
import type { ImapMailbox } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { imapProblemWords } from './imap-problem-words.ts';
import { pollIntervalWords } from './poll-interval.ts';

const statusKey = {
  working: 'imapMailboxes.statusWorking',
  failing: 'imapMailboxes.statusFailing',
  connecting: 'imapMailboxes.statusConnecting',
  off: 'imapMailboxes.statusOff',
} as const;

const statusColour = {
  working: 'bg-green-100 text-green-800',
  failing: 'bg-red-100 text-red-800',
  connecting: 'bg-amber-100 text-amber-800',
  off: 'bg-slate-100 text-slate-700',
} as const;

/** One connected mailbox: whether it works, in words, when mail last came, edit and disconnect. */
export function ImapMailboxCard({
  mailbox,
  onEdit,
  onRemoved,
}: {
  mailbox: ImapMailbox;
  onEdit: () => void;
  onRemoved: () => void;
}) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const titleId = useId();
  const [confirming, setConfirming] = useState(false);
  const format = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    [locale],
  );
  const when = (iso: string) => format.format(new Date(iso));
  const [everyKey, everyValues] = pollIntervalWords(mailbox.pollSeconds);
  return (
    <article
      aria-labelledby={titleId}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm"
    >
      <header className="flex flex-wrap items-baseline gap-x-3">
        <h3 id={titleId} className="text-lg font-semibold">
          {mailbox.address}
        </h3>
        <span className={`rounded px-2 py-0.5 text-xs font-medium ${statusColour[mailbox.status]}`}>
          {t(statusKey[mailbox.status])}
        </span>
      </header>
      <p className="text-slate-600">
        {t('imapMailboxes.account', { user: mailbox.user, host: mailbox.host, folder: mailbox.folder })}
      </p>
      <p className="text-slate-600">{t('imapMailboxes.checks', { every: t(everyKey, everyValues) })}</p>
      <ul className="space-y-0.5">
        {mailbox.connectedAt && <li>{t('imapMailboxes.signedIn', { time: when(mailbox.connectedAt) })}</li>}
        <li>
          {mailbox.lastMailAt
            ? t('imapMailboxes.lastMail', { time: when(mailbox.lastMailAt) })
            : t('imapMailboxes.noMailYet')}
        </li>
        {mailbox.lastError && (
          <li role={mailbox.status === 'failing' ? 'alert' : undefined} className="text-red-700">
            {t('imapMailboxes.lastProblem', {
              time: when(mailbox.lastError.at),
              problem: imapProblemWords(t, mailbox.lastError),
            })}
          </li>
        )}
      </ul>
      <div className="flex gap-2">
        <button type="button" onClick={onEdit} className="rounded border border-slate-300 px-3 py-1">
          {t('imapMailboxes.edit')}
        </button>
        <button
          type="button"
          onClick={() => setConfirming(true)}
          className="rounded border border-red-300 px-3 py-1 text-red-700"
        >
          {t('imapMailboxes.remove')}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('imapMailboxes.removeTitle', { address: mailbox.address })}
          confirmLabel={t('imapMailboxes.removeConfirm')}
          danger
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            await done(client.DELETE('/mail/mailboxes/{id}', { params: { path: { id: mailbox.id } } }));
            setConfirming(false);
            onRemoved();
          }}
        >
          <p>{t('imapMailboxes.removeBody')}</p>
        </ConfirmDialog>
      )}
    </article>
  );
}
