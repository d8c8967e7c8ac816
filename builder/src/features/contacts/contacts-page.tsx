import { useCallback, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { useCursorList, type PageRequest } from '../../api/use-cursor-list.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { navigate } from '../../use-route.ts';
import { ContactFieldsDialog } from './contact-fields-dialog.tsx';
import { ContactFormDialog } from './contact-form-dialog.tsx';
import { contactChannels, contactName, type Contact } from './contact-types.ts';
import { useCan } from '../roles/permissions.tsx';

type Flag = '' | 'true' | 'false';

const cell = 'px-3 py-2 align-top';
const input = 'rounded border border-slate-300 px-2 py-1 text-sm';

/** The workspace's people: search by name or address, filter by tag, channel, consent, opt-out. */
export function ContactsPage({ query }: { query: URLSearchParams }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [q, setQ] = useState(query.get('q') ?? '');
  const [tag, setTag] = useState(query.get('tag') ?? '');
  const [channel, setChannel] = useState(query.get('channel') ?? '');
  const [consent, setConsent] = useState<Flag>((query.get('consent') as Flag) ?? '');
  const [optedOut, setOptedOut] = useState<Flag>((query.get('optedOut') as Flag) ?? '');
  const [creating, setCreating] = useState(false);
  const [editingFields, setEditingFields] = useState(false);
  const filters = { q, tag, channel, consent, optedOut };
  const key = JSON.stringify(filters);
  const loadPage = useCallback(
    (page: PageRequest) =>
      ok(
        client.GET('/contacts', {
          params: {
            query: {
              ...(q.trim() ? { q: q.trim() } : {}),
              ...(tag.trim() ? { tag: tag.trim() } : {}),
              ...(channel ? { channel: channel as Contact['addresses'][number]['channel'] } : {}),
              ...(consent ? { consent } : {}),
              ...(optedOut ? { optedOut } : {}),
              ...page,
            },
          },
        }),
      ),
    [key],
  );
  const list = useCursorList<Contact>(key, loadPage);
  const can = useCan();

  const flagSelect = (label: string, value: Flag, set: (v: Flag) => void) => (
    <label className="flex items-center gap-1 text-sm">
      {label}
      <select className={input} value={value} onChange={(e) => set(e.target.value as Flag)}>
        <option value="">{t('contacts.filter.any')}</option>
        <option value="true">{t('contacts.filter.yes')}</option>
        <option value="false">{t('contacts.filter.no')}</option>
      </select>
    </label>
  );

  return (
    <main className="mx-auto max-w-6xl space-y-4 p-6">
      <div className="flex items-center gap-4">
        <h1 className="text-xl font-semibold">{t('contacts.title')}</h1>
        <div className="ml-auto flex gap-2">
          {can('imports:manage') && (
            <a href="#/contacts/import" className="rounded border border-slate-300 px-3 py-1 text-sm">
              {t('app.contactImport')}
            </a>
          )}
          {can('contact-fields:manage') && (
            <button
              type="button"
              onClick={() => setEditingFields(true)}
              className="rounded border border-slate-300 px-3 py-1 text-sm"
            >
              {t('contacts.fields.open')}
            </button>
          )}
          {can('contacts:edit') && (
            <button
              type="button"
              onClick={() => setCreating(true)}
              className="rounded bg-indigo-600 px-3 py-1 text-sm text-white"
            >
              {t('contacts.new')}
            </button>
          )}
        </div>
      </div>
      <div role="search" className="flex flex-wrap items-center gap-3">
        <input
          type="search"
          aria-label={t('contacts.search')}
          placeholder={t('contacts.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          className={`${input} w-72`}
        />
        <label className="flex items-center gap-1 text-sm">
          {t('contacts.filter.tag')}
          <input className={`${input} w-28`} value={tag} onChange={(e) => setTag(e.target.value)} />
        </label>
        <label className="flex items-center gap-1 text-sm">
          {t('contacts.filter.channel')}
          <select className={input} value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="">{t('contacts.filter.anyChannel')}</option>
            {contactChannels.map((c) => (
              <option key={c} value={c}>
                {t(`contacts.channel.${c}`)}
              </option>
            ))}
          </select>
        </label>
        {flagSelect(t('contacts.filter.consent'), consent, setConsent)}
        {flagSelect(t('contacts.filter.optedOut'), optedOut, setOptedOut)}
      </div>
      {list.error && (
        <p role="alert" className="text-red-700">
          {t('common.error', { message: list.error })}
        </p>
      )}
      <table className="w-full border-collapse text-sm">
        <thead className="border-b border-slate-300 text-left text-slate-600">
          <tr>
            <th className={cell}>{t('contacts.column.name')}</th>
            <th className={cell}>{t('contacts.column.addresses')}</th>
            <th className={cell}>{t('contacts.column.tags')}</th>
            <th className={cell}>{t('contacts.column.added')}</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((contact) => {
            const name = contactName(contact) || t('contacts.unnamed');
            return (
              <tr
                key={contact.id}
                onClick={() => navigate(`/contacts/${contact.id}`)}
                className="cursor-pointer border-b border-slate-100 bg-white hover:bg-indigo-50"
              >
                <td className={cell}>
                  <a
                    href={`#/contacts/${contact.id}`}
                    onClick={(e) => e.stopPropagation()}
                    aria-label={t('contacts.open', { name })}
                    className="text-indigo-700 hover:underline"
                  >
                    {name}
                  </a>
                </td>
                <td className={cell}>
                  {contact.addresses.map((a) => (
                    <div key={a.id}>
                      <span className="text-slate-500">{t(`contacts.channel.${a.channel}`)}</span>{' '}
                      <span className="font-mono">{a.address}</span>
                    </div>
                  ))}
                </td>
                <td className={cell}>
                  {contact.tags.map((tagName) => (
                    <span key={tagName} className="mr-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs">
                      {tagName}
                    </span>
                  ))}
                </td>
                <td className={`${cell} whitespace-nowrap`}>
                  {new Date(contact.createdAt).toLocaleDateString(locale)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {list.loading && <p>{t('common.loading')}</p>}
      {!list.loading && list.items.length === 0 && !list.error && (
        <p className="text-slate-600">{t('contacts.empty')}</p>
      )}
      {list.nextCursor && !list.loading && (
        <button
          type="button"
          onClick={() => void list.loadMore()}
          className="text-indigo-700 hover:underline"
        >
          {t('contacts.more')}
        </button>
      )}
      {editingFields && <ContactFieldsDialog onClose={() => setEditingFields(false)} />}
      {creating && (
        <ContactFormDialog
          onClose={() => setCreating(false)}
          onSaved={(contact) => navigate(`/contacts/${contact.id}`)}
        />
      )}
    </main>
  );
}
