import { useEffect, useState } from 'react';
import { ApiError, client, done, ok } from '../../api/client.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { ModalDialog } from '../../ui/modal-dialog.tsx';
import type { ContactField } from './contact-types.ts';

const types = ['text', 'number', 'date', 'boolean', 'choice'] as const;
const input = 'w-full rounded border border-slate-300 px-2 py-1 text-sm';

/** The workspace's custom fields: add one by key, label and type (choices for a choice), or remove one. */
export function ContactFieldsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [fields, setFields] = useState<ContactField[]>([]);
  const [key, setKey] = useState('');
  const [label, setLabel] = useState('');
  const [type, setType] = useState<(typeof types)[number]>('text');
  const [choices, setChoices] = useState('');
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const load = () =>
    ok(client.GET('/contact-fields')).then(
      (answer) => setFields(answer.items),
      (e: unknown) => setError((e as Error).message),
    );
  useEffect(() => void load(), []);

  async function add() {
    setIssues({});
    setError(null);
    try {
      await ok(
        client.POST('/contact-fields', {
          body: {
            key,
            label,
            type,
            ...(type === 'choice'
              ? {
                  choices: choices
                    .split(',')
                    .map((c) => c.trim())
                    .filter(Boolean),
                }
              : {}),
          },
        }),
      );
      setKey('');
      setLabel('');
      setChoices('');
      await load();
    } catch (e) {
      const list =
        e instanceof ApiError
          ? ((e.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [])
          : [];
      setIssues(Object.fromEntries(list.map((i) => [i.path, i.message])));
      if (list.length === 0) setError((e as Error).message);
    }
  }

  const problem = (path: string) =>
    issues[path] ? (
      <span role="alert" className="text-xs text-red-700">
        {issues[path]}
      </span>
    ) : null;

  return (
    <ModalDialog title={t('contacts.fields.title')} onClose={onClose} wide>
      <div className="space-y-3 text-sm">
        {fields.length === 0 && <p className="text-slate-600">{t('contacts.fields.empty')}</p>}
        <ul className="space-y-1">
          {fields.map((field) => (
            <li key={field.id} className="flex items-center gap-2">
              <span className="font-medium">{field.label}</span>
              <span className="font-mono text-slate-500">{field.key}</span>
              <span className="text-slate-600">{t(`contacts.type.${field.type}`)}</span>
              {field.choices && <span className="text-slate-600">{field.choices.join(', ')}</span>}
              <button
                type="button"
                aria-label={t('contacts.fields.remove', { label: field.label })}
                className="ml-auto rounded border border-slate-300 px-2 text-xs"
                onClick={() =>
                  void done(
                    client.DELETE('/contact-fields/{id}', { params: { path: { id: field.id } } }),
                  ).then(load, (e: unknown) => setError((e as Error).message))
                }
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
        <form
          className="grid grid-cols-2 gap-2 rounded border border-slate-200 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <div className="space-y-1">
            <label className="block space-y-1">
              <span>{t('contacts.fields.label')}</span>
              <input className={input} value={label} onChange={(e) => setLabel(e.target.value)} />
            </label>
            {problem('label')}
          </div>
          <div className="space-y-1">
            <label className="block space-y-1">
              <span>{t('contacts.fields.key')}</span>
              <input className={`${input} font-mono`} value={key} onChange={(e) => setKey(e.target.value)} />
            </label>
            {problem('key')}
          </div>
          <label className="space-y-1">
            <span>{t('contacts.fields.type')}</span>
            <select className={input} value={type} onChange={(e) => setType(e.target.value as typeof type)}>
              {types.map((option) => (
                <option key={option} value={option}>
                  {t(`contacts.type.${option}`)}
                </option>
              ))}
            </select>
          </label>
          {type === 'choice' && (
            <div className="space-y-1">
              <label className="block space-y-1">
                <span>{t('contacts.fields.choices')}</span>
                <input className={input} value={choices} onChange={(e) => setChoices(e.target.value)} />
              </label>
              {problem('choices')}
            </div>
          )}
          <div className="col-span-2 flex justify-end gap-2">
            <button type="button" onClick={onClose} className="rounded border border-slate-300 px-3 py-1">
              {t('contacts.fields.close')}
            </button>
            <button type="submit" className="rounded bg-indigo-600 px-3 py-1 text-white">
              {t('contacts.fields.add')}
            </button>
          </div>
        </form>
        {error && (
          <p role="alert" className="text-red-700">
            {t('common.error', { message: error })}
          </p>
        )}
      </div>
    </ModalDialog>
  );
}
