import { useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import type { Contact } from './contact-types.ts';

/** Where the archive downloads from: a plain GET, so the browser saves it with the session cookie. */
export const exportUrl = (contactId: string) => `/api/v1/contacts/${contactId}/export`;

/** An admin's answers to a person's data-protection request: export all, or erase them. */
export function DataProtectionActions({
  contact,
  name,
  onErased,
}: {
  contact: Contact;
  name: string;
  onErased: () => void;
}) {
  const t = useT();
  const [dialog, setDialog] = useState<'export' | 'erase' | null>(null);
  return (
    <>
      <button
        type="button"
        onClick={() => setDialog('export')}
        className="rounded border border-slate-300 px-2 py-1"
      >
        {t('dataProtection.export')}
      </button>
      <button
        type="button"
        onClick={() => setDialog('erase')}
        className="rounded border border-red-300 px-2 py-1 text-red-700"
      >
        {t('dataProtection.erase')}
      </button>
      {dialog === 'export' && (
        <ConfirmDialog
          title={t('dataProtection.export.title', { name })}
          confirmLabel={t('dataProtection.export.confirm')}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const link = document.createElement('a');
            link.href = exportUrl(contact.id);
            link.download = `contact-${contact.id}.zip`;
            link.click();
            setDialog(null);
          }}
        >
          <p>{t('dataProtection.export.body')}</p>
        </ConfirmDialog>
      )}
      {dialog === 'erase' && (
        <ConfirmDialog
          title={t('dataProtection.erase.title', { name })}
          confirmLabel={t('dataProtection.erase.confirm')}
          danger
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await ok(client.POST('/contacts/{id}/erase', { params: { path: { id: contact.id } } }));
            setDialog(null);
            onErased();
          }}
        >
          <p className="font-medium text-red-800">{t('dataProtection.erase.body')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
