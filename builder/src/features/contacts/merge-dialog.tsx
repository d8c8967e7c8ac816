import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { ModalDialog } from '../../ui/modal-dialog.tsx';
import { contactName, type Contact } from './contact-types.ts';

/** Find the duplicate, then confirm: what moves and that the duplicate goes. */
export function MergeDialog({
  into,
  onClose,
  onMerged,
}: {
  into: Contact;
  onClose: () => void;
  onMerged: (contact: Contact) => void;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Contact[]>([]);
  const [picked, setPicked] = useState<Contact | null>(null);
  const intoName = contactName(into) || t('contacts.unnamed');

  useEffect(() => {
    if (q.trim().length < 2) return setFound([]);
    let stale = false;
    ok(client.GET('/contacts', { params: { query: { q: q.trim(), limit: 10 } } })).then(
      (page) => !stale && setFound(page.items.filter((c) => c.id !== into.id)),
      () => !stale && setFound([]),
    );
    return () => {
      stale = true;
    };
  }, [q, into.id]);

  if (picked) {
    const fromName = contactName(picked) || picked.addresses[0]?.address || t('contacts.unnamed');
    return (
      <ConfirmDialog
        title={t('contacts.merge.title', { name: intoName })}
        confirmLabel={t('contacts.merge.confirm')}
        danger
        onClose={onClose}
        onConfirm={async () => {
          const merged = await ok(
            client.POST('/contacts/{id}/merge', {
              params: { path: { id: into.id } },
              body: { from: picked.id },
            }),
          );
          onMerged(merged);
          onClose();
        }}
      >
        <p>{t('contacts.merge.explain', { from: fromName, into: intoName })}</p>
      </ConfirmDialog>
    );
  }
  return (
    <ModalDialog title={t('contacts.merge.title', { name: intoName })} onClose={onClose}>
      <div className="space-y-2 text-sm">
        <input
          type="search"
          aria-label={t('contacts.merge.search')}
          placeholder={t('contacts.merge.search')}
          className="w-full rounded border border-slate-300 px-2 py-1"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <ul className="space-y-1">
          {found.map((c) => {
            const name = contactName(c) || t('contacts.unnamed');
            return (
              <li key={c.id}>
                <button
                  type="button"
                  onClick={() => setPicked(c)}
                  aria-label={t('contacts.merge.pick', { name })}
                  className="w-full rounded border border-slate-200 px-2 py-1 text-left hover:bg-indigo-50"
                >
                  <span className="font-medium">{name}</span>{' '}
                  <span className="font-mono text-slate-600">
                    {c.addresses.map((a) => a.address).join(', ')}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
        <div className="flex justify-end">
          <button type="button" onClick={onClose} className="rounded border border-slate-300 px-3 py-1">
            {t('contacts.form.cancel')}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
