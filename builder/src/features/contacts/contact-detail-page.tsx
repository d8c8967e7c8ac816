import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { AddressList } from './address-list.tsx';
import { ContactFormDialog } from './contact-form-dialog.tsx';
import { ContactTimeline } from './contact-timeline.tsx';
import { contactName, type Contact, type ContactField } from './contact-types.ts';
import { useCan } from '../roles/permissions.tsx';
import { MergeDialog } from './merge-dialog.tsx';
import { DataProtectionActions } from './data-protection-actions.tsx';

type Dialog = 'edit' | 'merge' | null;

function shownValue(value: unknown, yes: string, no: string): string {
  if (typeof value === 'boolean') return value ? yes : no;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** One person: who they are, their addresses with consent, their fields, and their timeline. */
export function ContactDetailPage({ contactId }: { contactId: string }) {
  const t = useT();
  const [contact, setContact] = useState<Contact | null>(null);
  const [fields, setFields] = useState<ContactField[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  // Bumped after a change that can add history (a merge): the timeline reads again.
  const [version, setVersion] = useState(0);
  const locale = useLocale((s) => s.locale);
  const erased = contact?.erasedAt ?? null;
  const can = useCan();
  // An erased contact is an anonymous record kept for counts: nothing left to edit or merge.
  const canEdit = can('contacts:edit') && !erased;
  const mayErase = can('contacts:erase') && !erased;

  const load = () =>
    ok(client.GET('/contacts/{id}', { params: { path: { id: contactId } } })).then(setContact, (e: unknown) =>
      setError((e as Error).message),
    );
  useEffect(() => {
    void load();
    ok(client.GET('/contact-fields')).then(
      (answer) => setFields(answer.items),
      () => setFields([]),
    );
  }, [contactId]);

  if (error)
    return (
      <main className="p-6">
        <p role="alert" className="text-red-700">
          {t('common.error', { message: error })}
        </p>
        <a href="#/contacts" className="text-indigo-700 hover:underline">
          {t('common.back')}
        </a>
      </main>
    );
  if (!contact) return <p className="p-6">{t('common.loading')}</p>;
  const name = contactName(contact) || t('contacts.unnamed');
  const labelOf = (key: string) => fields.find((f) => f.key === key)?.label ?? key;
  const attributes = Object.entries(contact.attributes);

  return (
    <main className="mx-auto grid max-w-6xl gap-6 p-6 md:grid-cols-[24rem_1fr]">
      <div className="space-y-5">
        <div>
          <a href="#/contacts" className="text-sm text-indigo-700 hover:underline">
            {t('common.back')}
          </a>
          <h1 className="text-xl font-semibold">{name}</h1>
          {erased && (
            <p role="status" className="mt-1 rounded bg-slate-100 px-2 py-1 text-sm text-slate-700">
              {t('dataProtection.erased', { date: new Date(erased).toLocaleString(locale) })}
            </p>
          )}
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
            <dt className="text-slate-600">{t('contacts.detail.language')}</dt>
            <dd>{contact.language ?? t('contacts.detail.none')}</dd>
            <dt className="text-slate-600">{t('contacts.detail.timezone')}</dt>
            <dd>{contact.timezone?.replace(/_/g, ' ') ?? t('contacts.detail.none')}</dd>
          </dl>
          <div className="mt-2 flex flex-wrap gap-1">
            {contact.tags.map((tag) => (
              <span key={tag} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">
                {tag}
              </span>
            ))}
          </div>
          <div className="mt-3 flex flex-wrap gap-2 text-sm">
            {canEdit && (
              <button
                type="button"
                onClick={() => setDialog('edit')}
                className="rounded border border-slate-300 px-2 py-1"
              >
                {t('contacts.detail.edit')}
              </button>
            )}
            {mayErase && (
              <button
                type="button"
                onClick={() => setDialog('merge')}
                className="rounded border border-slate-300 px-2 py-1"
              >
                {t('contacts.detail.merge')}
              </button>
            )}
            {mayErase && <DataProtectionActions contact={contact} name={name} onErased={() => void load()} />}
          </div>
        </div>
        <AddressList contact={contact} canEdit={canEdit} onChanged={() => void load()} />
        {attributes.length > 0 && (
          <section aria-label={t('contacts.detail.fields')}>
            <h2 className="font-semibold">{t('contacts.detail.fields')}</h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
              {attributes.map(([key, value]) => (
                <div key={key} className="contents">
                  <dt className="text-slate-600">{labelOf(key)}</dt>
                  <dd>{shownValue(value, t('contacts.form.yes'), t('contacts.form.no'))}</dd>
                </div>
              ))}
            </dl>
          </section>
        )}
      </div>
      {/* The timeline holds message bodies and calls: a sensitive read. */}
      {can('messages:read') && <ContactTimeline contactId={contact.id} version={version} />}
      {dialog === 'edit' && (
        <ContactFormDialog contact={contact} onClose={() => setDialog(null)} onSaved={setContact} />
      )}
      {dialog === 'merge' && (
        <MergeDialog
          into={contact}
          onClose={() => setDialog(null)}
          onMerged={(merged) => {
            setContact(merged);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </main>
  );
}
