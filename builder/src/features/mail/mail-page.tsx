import { useCallback, useMemo, useState } from 'react';
import { client, done, ok } from '../../api/client.ts';
import type { CaughtMail } from '../../api/types.ts';
import { usePoll } from '../../api/use-poll.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { MailList } from './mail-list.tsx';
import { MailView } from './mail-view.tsx';
import { WriteMailForm } from './write-mail-form.tsx';

/** How often the list looks for new mail: a flow's answer shows up without a reload. */
const pollEveryMs = 2_000;

/**
 * The mail catcher (`#/mail`): what the email sandbox caught, each mail read back whole (HTML in a
 * sandboxed frame, text, headers), and a form to write a mail to the flows.
 */
export function MailPage() {
  const t = useT();
  const [generation, setGeneration] = useState(0);
  const loadList = useCallback(() => {
    void generation;
    return ok(client.GET('/mail-catcher/mails', { params: { query: { limit: 100 } } }));
  }, [generation]);
  const list = usePoll(loadList, pollEveryMs);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const loadMail = useMemo(
    () =>
      selectedId
        ? () => ok(client.GET('/mail-catcher/mails/{id}', { params: { path: { id: selectedId } } }))
        : null,
    [selectedId],
  );
  // A caught mail never changes: read once (the long interval only retries a failed read).
  const mail = usePoll<CaughtMail>(loadMail, 60_000);
  const [writing, setWriting] = useState(false);
  const [confirm, setConfirm] = useState<'one' | 'all' | null>(null);
  const reload = () => setGeneration((g) => g + 1);

  async function remove() {
    if (confirm === 'all') await done(client.DELETE('/mail-catcher/mails'));
    else if (selectedId)
      await done(client.DELETE('/mail-catcher/mails/{id}', { params: { path: { id: selectedId } } }));
    setSelectedId(null);
    reload();
  }

  const mails = list.data?.items ?? [];
  return (
    <main className="mx-auto max-w-7xl space-y-4 p-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t('mail.title')}</h1>
        <div className="ml-auto flex gap-2">
          <button
            type="button"
            onClick={() => setWriting(true)}
            className="rounded bg-indigo-600 px-3 py-1 text-sm font-medium text-white"
          >
            {t('mail.write.open')}
          </button>
          <button
            type="button"
            onClick={reload}
            className="rounded border border-slate-300 bg-white px-3 py-1 text-sm"
          >
            {t('mail.refresh')}
          </button>
          {mails.length > 0 && (
            <button
              type="button"
              onClick={() => setConfirm('all')}
              className="rounded border border-red-300 bg-white px-3 py-1 text-sm text-red-700"
            >
              {t('mail.deleteAll')}
            </button>
          )}
        </div>
      </div>
      <p className="text-sm text-slate-600">{t('mail.intro')}</p>
      {writing && <WriteMailForm onSent={reload} onClose={() => setWriting(false)} />}
      {list.error && (
        <p role="alert" className="text-sm text-red-700">
          {t('common.error', { message: list.error })}
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-[22rem_1fr]">
        <section className="max-h-[70vh] overflow-y-auto rounded-lg border border-slate-200 bg-white">
          {list.data === undefined && !list.error ? (
            <p className="p-3 text-sm text-slate-500">{t('common.loading')}</p>
          ) : (
            <MailList mails={mails} selectedId={selectedId} onSelect={setSelectedId} />
          )}
        </section>
        <section className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
          {!selectedId ? (
            <p className="text-sm text-slate-600">{t('mail.pick')}</p>
          ) : mail.error ? (
            <p role="alert" className="text-sm text-red-700">
              {t('mail.loadFailed', { message: mail.error })}
            </p>
          ) : mail.data?.id === selectedId ? (
            <MailView mail={mail.data} onDelete={() => setConfirm('one')} />
          ) : (
            <p className="text-sm text-slate-500">{t('common.loading')}</p>
          )}
        </section>
      </div>
      {confirm && (
        <ConfirmDialog
          title={confirm === 'all' ? t('mail.deleteAll') : t('mail.delete')}
          confirmLabel={confirm === 'all' ? t('mail.deleteAll') : t('mail.delete')}
          danger
          onConfirm={remove}
          onClose={() => setConfirm(null)}
        >
          {confirm === 'all'
            ? t('mail.confirmDeleteAll')
            : t('mail.confirmDelete', { subject: mail.data?.subject || t('mail.noSubject') })}
        </ConfirmDialog>
      )}
    </main>
  );
}
