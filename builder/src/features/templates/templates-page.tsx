import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { draftOf, newDraft, type Template, type TemplateDraft, type TemplateKind } from './template-draft.ts';
import { TemplateEditor } from './template-editor.tsx';
import { useCan } from '../roles/permissions.tsx';

/** Templates in the top bar: the library on the left, the chosen template's editor and preview. */
export function TemplatesPage({ selectedName }: { selectedName?: string }) {
  const t = useT();
  const can = useCan();
  const locale = useLocale((s) => s.locale);
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<TemplateDraft | null>(null);
  const [saved, setSaved] = useState<string>('');
  // What to open once the designer agrees to drop the changes they have not saved.
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  const dirty = draft !== null && JSON.stringify(draft) !== saved;
  const unlessDirty = (go: () => void) => (dirty ? setLeaving(() => go) : go());

  const choose = (next: TemplateDraft) => {
    setDraft(next);
    setSaved(JSON.stringify(next));
  };

  useEffect(() => {
    ok(client.GET('/templates')).then(
      ({ items }) => {
        setTemplates(items);
        const first = items.find((item) => item.name === selectedName) ?? items[0];
        if (first) choose(draftOf(first));
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, [selectedName]);

  function create(kind: TemplateKind) {
    const base = kind === 'email' ? 'email' : 'text';
    const taken = new Set((templates ?? []).map((item) => item.name));
    let n = 1;
    while (taken.has(`${base}-${n}`)) n += 1;
    const next = newDraft(kind, locale, `${base}-${n}`);
    setDraft(next);
    setSaved('');
  }

  function onSaved(template: Template) {
    setTemplates((items) =>
      [...(items ?? []).filter((item) => item.id !== template.id), template].sort((a, b) =>
        a.name.localeCompare(b.name),
      ),
    );
    choose(draftOf(template));
  }

  function onDeleted() {
    const rest = (templates ?? []).filter((item) => item.id !== draft?.id);
    setTemplates(rest);
    if (rest[0]) choose(draftOf(rest[0]));
    else setDraft(null);
  }

  return (
    <main className="flex min-h-[calc(100vh-3rem)]">
      <aside className="w-64 shrink-0 border-r border-slate-200 bg-white p-4">
        <h1 className="text-lg font-semibold text-slate-900">{t('templates.title')}</h1>
        {can('templates:manage') && (
          <div className="mt-3 flex gap-2">
            <button
              type="button"
              onClick={() => unlessDirty(() => create('email'))}
              className="rounded bg-indigo-600 px-2 py-1 text-xs font-medium text-white hover:bg-indigo-700"
            >
              {t('templates.newEmail')}
            </button>
            <button
              type="button"
              onClick={() => unlessDirty(() => create('text'))}
              className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50"
            >
              {t('templates.newText')}
            </button>
          </div>
        )}
        {error && (
          <p role="alert" className="mt-3 text-sm text-red-700">
            {t('templates.loadFailed', { message: error })}
          </p>
        )}
        {templates?.length === 0 && <p className="mt-3 text-sm text-slate-600">{t('templates.empty')}</p>}
        <ul className="mt-4 space-y-1" aria-label={t('templates.title')}>
          {(templates ?? []).map((item) => (
            <li key={item.id}>
              <button
                type="button"
                aria-current={draft?.id === item.id ? 'true' : undefined}
                onClick={() => unlessDirty(() => choose(draftOf(item)))}
                className="w-full rounded px-2 py-1.5 text-left hover:bg-slate-100 aria-[current=true]:bg-indigo-50"
              >
                <span className="block text-sm font-medium text-slate-900">{item.name}</span>
                <span className="block text-xs text-slate-500">
                  {t(item.kind === 'email' ? 'templates.kind.email' : 'templates.kind.text')}
                  {item.description ? ` · ${item.description}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <section className="min-w-0 flex-1 space-y-4 p-6">
        <p className="max-w-3xl text-sm text-slate-600">{t('templates.intro')}</p>
        {draft && (
          <TemplateEditor
            key={draft.id ?? 'new'}
            draft={draft}
            onChange={setDraft}
            onSaved={onSaved}
            onDeleted={onDeleted}
            dirty={dirty}
          />
        )}
        {leaving && (
          <ConfirmDialog
            title={t('templates.discardTitle')}
            confirmLabel={t('templates.discard')}
            danger
            onConfirm={async () => {
              leaving();
              setLeaving(null);
            }}
            onClose={() => setLeaving(null)}
          >
            <p>{t('templates.discardText', { name: draft?.name ?? '' })}</p>
          </ConfirmDialog>
        )}
      </section>
    </main>
  );
}
