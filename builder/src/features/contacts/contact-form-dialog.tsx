import { useEffect, useMemo, useState } from 'react';
import { ApiError, client, ok } from '../../api/client.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { ModalDialog } from '../../ui/modal-dialog.tsx';
import { contactChannels, type Contact, type ContactField } from './contact-types.ts';

const input = 'w-full rounded border border-slate-300 px-2 py-1 text-sm';

/** Every IANA zone this browser knows; a saved zone it lacks is still offered. */
function zones(current: string | null): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  return current && !known.includes(current) ? [current, ...known] : known;
}

/** What the form holds for a field: text as typed; numbers and booleans become JSON on save. */
function fieldValue(field: ContactField, raw: string): unknown {
  if (raw === '') return null;
  if (field.type === 'number') return Number(raw.replace(',', '.'));
  if (field.type === 'boolean') return raw === 'true';
  return raw;
}

/** Field messages of a 400, by the path the server named (`timezone`, `attributes.plan`). */
function issuesOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const issues =
    (error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [];
  return Object.fromEntries(issues.map((i) => [i.path, i.message]));
}

/**
 * Add a person or change one: names, language, time zone, tags and the workspace's custom fields,
 * each by its type. A new person may get a first address (more on their page).
 */
export function ContactFormDialog({
  contact,
  onClose,
  onSaved,
}: {
  contact?: Contact;
  onClose: () => void;
  onSaved: (contact: Contact) => void;
}) {
  const t = useT();
  const [fields, setFields] = useState<ContactField[]>([]);
  const [displayName, setDisplayName] = useState(contact?.displayName ?? '');
  const [firstName, setFirstName] = useState(contact?.firstName ?? '');
  const [lastName, setLastName] = useState(contact?.lastName ?? '');
  const [language, setLanguage] = useState(contact?.language ?? '');
  const [timezone, setTimezone] = useState(contact?.timezone ?? '');
  const [tags, setTags] = useState((contact?.tags ?? []).join(', '));
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      Object.entries(contact?.attributes ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)]),
    ),
  );
  const [channel, setChannel] = useState<(typeof contactChannels)[number]>('sms');
  const [address, setAddress] = useState('');
  const [consent, setConsent] = useState(false);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const zoneList = useMemo(() => zones(contact?.timezone ?? null), [contact?.timezone]);

  useEffect(() => {
    ok(client.GET('/contact-fields')).then(
      (answer) => setFields(answer.items),
      (e: unknown) => setError((e as Error).message),
    );
  }, []);

  async function save() {
    setBusy(true);
    setIssues({});
    setError(null);
    const attributes = Object.fromEntries(
      fields.filter((f) => contact || values[f.key]).map((f) => [f.key, fieldValue(f, values[f.key] ?? '')]),
    );
    const common = {
      displayName,
      firstName,
      lastName,
      language: language || null,
      timezone: timezone || null,
      tags: tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
      attributes,
    };
    try {
      const saved = contact
        ? await ok(client.PATCH('/contacts/{id}', { params: { path: { id: contact.id } }, body: common }))
        : await ok(
            client.POST('/contacts', {
              body: {
                ...common,
                ...(address.trim()
                  ? {
                      addresses: [
                        { channel, address, ...(consent ? { consent: { source: 'manual' } } : {}) },
                      ],
                    }
                  : {}),
              },
            }),
          );
      onSaved(saved);
      onClose();
    } catch (e) {
      const found = issuesOf(e);
      setIssues(found);
      if (Object.keys(found).length === 0) setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const problem = (path: string) =>
    issues[path] ? (
      <span role="alert" className="text-xs text-red-700">
        {issues[path]}
      </span>
    ) : null;
  const text = (label: string, value: string, set: (v: string) => void, path: string) => (
    <div className="block space-y-1 text-sm">
      <label className="block space-y-1">
        <span>{label}</span>
        <input className={input} value={value} onChange={(e) => set(e.target.value)} />
      </label>
      {problem(path)}
    </div>
  );

  return (
    <ModalDialog title={t(contact ? 'contacts.form.title' : 'contacts.form.newTitle')} onClose={onClose} wide>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="grid grid-cols-3 gap-3">
          {text(t('contacts.form.firstName'), firstName, setFirstName, 'firstName')}
          {text(t('contacts.form.lastName'), lastName, setLastName, 'lastName')}
          {text(t('contacts.form.displayName'), displayName, setDisplayName, 'displayName')}
        </div>
        <div className="grid grid-cols-2 gap-3">
          <div className="block space-y-1 text-sm">
            <label className="block space-y-1">
              <span>{t('contacts.form.language')}</span>
              <select className={input} value={language} onChange={(e) => setLanguage(e.target.value)}>
                <option value="">{t('contacts.form.unset')}</option>
                <option value="es">{t('contacts.lang.es')}</option>
                <option value="en">{t('contacts.lang.en')}</option>
                {language && !['es', 'en'].includes(language) && <option value={language}>{language}</option>}
              </select>
            </label>
            {problem('language')}
          </div>
          <div className="block space-y-1 text-sm">
            <label className="block space-y-1">
              <span>{t('contacts.form.timezone')}</span>
              <select className={input} value={timezone} onChange={(e) => setTimezone(e.target.value)}>
                <option value="">{t('contacts.form.unset')}</option>
                {zoneList.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone.replace(/_/g, ' ')}
                  </option>
                ))}
              </select>
            </label>
            {problem('timezone')}
          </div>
        </div>
        {text(t('contacts.form.tags'), tags, setTags, 'tags')}
        {fields.map((field) => {
          const value = values[field.key] ?? '';
          const set = (v: string) => setValues((all) => ({ ...all, [field.key]: v }));
          return (
            <div key={field.id} className="block space-y-1 text-sm">
              <label className="block space-y-1">
                <span>{field.label}</span>
                {field.type === 'choice' || field.type === 'boolean' ? (
                  <select className={input} value={value} onChange={(e) => set(e.target.value)}>
                    <option value="">{t('contacts.form.unset')}</option>
                    {field.type === 'boolean' ? (
                      <>
                        <option value="true">{t('contacts.form.yes')}</option>
                        <option value="false">{t('contacts.form.no')}</option>
                      </>
                    ) : (
                      (field.choices ?? []).map((choice) => (
                        <option key={choice} value={choice}>
                          {choice}
                        </option>
                      ))
                    )}
                  </select>
                ) : (
                  <input
                    className={input}
                    type={field.type === 'date' ? 'date' : field.type === 'number' ? 'number' : 'text'}
                    step={field.type === 'number' ? 'any' : undefined}
                    value={value}
                    onChange={(e) => set(e.target.value)}
                  />
                )}
              </label>
              {problem(`attributes.${field.key}`)}
            </div>
          );
        })}
        {!contact && (
          <fieldset className="space-y-2 rounded border border-slate-200 p-3">
            <legend className="px-1 text-sm">{t('contacts.address.add')}</legend>
            <div className="flex gap-2">
              <select
                aria-label={t('contacts.filter.channel')}
                className="rounded border border-slate-300 px-2 py-1 text-sm"
                value={channel}
                onChange={(e) => setChannel(e.target.value as typeof channel)}
              >
                {contactChannels.map((c) => (
                  <option key={c} value={c}>
                    {t(`contacts.channel.${c}`)}
                  </option>
                ))}
              </select>
              <input
                aria-label={t('contacts.address.value')}
                className={input}
                value={address}
                onChange={(e) => setAddress(e.target.value)}
              />
            </div>
            {problem('addresses.0.address')}
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
              {t('contacts.address.withConsent')}
            </label>
          </fieldset>
        )}
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {t('common.error', { message: error })}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button
            type="button"
            onClick={onClose}
            className="rounded border border-slate-300 px-3 py-1 text-sm"
          >
            {t('contacts.form.cancel')}
          </button>
          <button
            type="submit"
            disabled={busy}
            className="rounded bg-indigo-600 px-3 py-1 text-sm text-white disabled:opacity-50"
          >
            {t('contacts.form.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
