import { useCallback, useEffect, useState } from 'react';
import { ApiError, client, ok } from '../../api/client.ts';
import type { ImapMailbox } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { ImapMailboxCard } from './imap-mailbox-card.tsx';
import { ImapMailboxForm } from './imap-mailbox-form.tsx';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'forbidden' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; items: ImapMailbox[] };

/** How often the list is read again while shown, so a mailbox's status follows its poller. */
const refreshMs = 15_000;

/**
 * Settings → Receiving email → the existing mailboxes Omniflow reads over IMAP, each with whether
 * it works; admins only (others do not see the section).
 */
export function ImapMailboxesSection() {
  const t = useT();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [editing, setEditing] = useState<ImapMailbox | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const { items } = await ok(client.GET('/mail/mailboxes'));
      setLoaded({ kind: 'ready', items });
    } catch (error) {
      setLoaded(
        error instanceof ApiError && error.status === 403
          ? { kind: 'forbidden' }
          : { kind: 'failed', message: error instanceof Error ? error.message : String(error) },
      );
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), refreshMs);
    return () => clearInterval(timer);
  }, [load]);

  if (loaded.kind === 'forbidden') return null;
  return (
    <section aria-labelledby="settings-imap-mailboxes" className="space-y-3">
      <h2 id="settings-imap-mailboxes" className="text-xl font-semibold">
        {t('imapMailboxes.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('imapMailboxes.intro')}</p>
      {loaded.kind === 'loading' && <p>{t('common.loading')}</p>}
      {loaded.kind === 'failed' && (
        <p role="alert" className="text-red-700">
          {t('imapMailboxes.loadFailed', { message: loaded.message })}
        </p>
      )}
      {loaded.kind === 'ready' && loaded.items.length === 0 && editing === null && (
        <p className="text-sm text-slate-600">{t('imapMailboxes.empty')}</p>
      )}
      {loaded.kind === 'ready' &&
        loaded.items.map((mailbox) =>
          editing !== 'new' && editing?.id === mailbox.id ? (
            <ImapMailboxForm
              key={mailbox.id}
              mailbox={mailbox}
              onCancel={() => setEditing(null)}
              onSaved={() => {
                setEditing(null);
                setNotice(t('imapMailboxes.saved'));
                void load();
              }}
            />
          ) : (
            <ImapMailboxCard
              key={mailbox.id}
              mailbox={mailbox}
              onEdit={() => {
                setNotice(null);
                setEditing(mailbox);
              }}
              onRemoved={() => {
                setNotice(t('imapMailboxes.removed'));
                void load();
              }}
            />
          ),
        )}
      {editing === 'new' ? (
        <ImapMailboxForm
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setNotice(t('imapMailboxes.saved'));
            void load();
          }}
        />
      ) : (
        loaded.kind === 'ready' && (
          <button
            type="button"
            onClick={() => {
              setNotice(null);
              setEditing('new');
            }}
            className="rounded bg-indigo-600 px-3 py-1 text-sm font-medium text-white"
          >
            {t('imapMailboxes.add')}
          </button>
        )
      )}
      {notice && (
        <p role="status" className="text-sm text-green-700">
          {notice}
        </p>
      )}
    </section>
  );
}
