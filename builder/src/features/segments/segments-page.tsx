import { useEffect, useState } from 'react';
import { client, done, ok } from '../../api/client.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { SegmentEditor } from './segment-editor.tsx';
import { emptyRules, toApiRules, type RuleOptions, type Segment } from './segment-draft.ts';
import { useCan } from '../roles/permissions.tsx';

type Draft = Pick<Segment, 'name' | 'kind' | 'rules'> & { id?: string };

/** How many people a saved segment has now (evaluated when asked, never stored). */
function SegmentCount({ id, version }: { id: string; version: string }) {
  const t = useT();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    setCount(null);
    ok(client.GET('/segments/{id}/count', { params: { path: { id } } })).then(
      (answer) => setCount(answer.count),
      () => setCount(null),
    );
  }, [id, version]);
  return (
    <span className="text-xs text-slate-500">
      {count === null ? t('segments.counting') : t('segments.people', { count: count.toLocaleString() })}
    </span>
  );
}

/** Segments in the top bar: the list with each one's count, and the chosen one's rule builder. */
export function SegmentsPage() {
  const t = useT();
  const can = useCan();
  const [segments, setSegments] = useState<Segment[] | null>(null);
  const [options, setOptions] = useState<RuleOptions | null>(null);
  const [draft, setDraftState] = useState<Draft | null>(null);
  // A new editor for another segment; the same one goes on when what it shows is saved.
  const [editorKey, setEditorKey] = useState(0);
  const setDraft = (next: Draft | null) => {
    setDraftState(next);
    setEditorKey((k) => k + 1);
  };
  const [deleting, setDeleting] = useState<Segment | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([ok(client.GET('/segments')), ok(client.GET('/segments/rule-options'))]).then(
      ([list, choices]) => {
        setSegments(list.items);
        setOptions(choices);
        if (list.items[0]) setDraft(list.items[0]);
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, []);

  function onSaved(segment: Segment) {
    setSegments((items) =>
      [...(items ?? []).filter((s) => s.id !== segment.id), segment].sort((a, b) =>
        a.name.localeCompare(b.name),
      ),
    );
    setDraftState(segment);
  }

  async function remove(segment: Segment) {
    setDeleting(null);
    try {
      await done(client.DELETE('/segments/{id}', { params: { path: { id: segment.id } } }));
      const rest = (segments ?? []).filter((s) => s.id !== segment.id);
      setSegments(rest);
      setDraft(rest[0] ?? null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <main className="flex min-h-[calc(100vh-3rem)]">
      <aside className="w-72 shrink-0 border-r border-slate-200 bg-white p-4">
        <h1 className="text-lg font-semibold text-slate-900">{t('segments.title')}</h1>
        {can('segments:manage') && (
          <div className="mt-3 flex gap-2">
            <button
              type="button"
              onClick={() =>
                setDraft({ name: t('segments.newName'), kind: 'rules', rules: toApiRules(emptyRules()) })
              }
              className="rounded bg-indigo-600 px-2 py-1 text-xs font-medium text-white hover:bg-indigo-700"
            >
              {t('segments.new')}
            </button>
            <button
              type="button"
              onClick={() => setDraft({ name: t('segments.newListName'), kind: 'static', rules: null })}
              className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50"
            >
              {t('segments.newList')}
            </button>
          </div>
        )}
        {segments?.length === 0 && <p className="mt-4 text-sm text-slate-500">{t('segments.empty')}</p>}
        <ul className="mt-4 space-y-1" aria-label={t('segments.title')}>
          {segments?.map((segment) => (
            <li key={segment.id}>
              <button
                type="button"
                onClick={() => setDraft(segment)}
                aria-current={draft?.id === segment.id ? 'true' : undefined}
                className="flex w-full flex-col rounded px-2 py-1 text-left hover:bg-slate-50 aria-[current=true]:bg-indigo-50"
              >
                <span className="text-sm font-medium text-slate-900">{segment.name}</span>
                <span className="flex gap-2">
                  <span className="text-xs text-slate-500">{t(`segments.kind.${segment.kind}`)}</span>
                  <SegmentCount id={segment.id} version={segment.updatedAt} />
                </span>
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <section className="flex-1 p-6">
        {error && (
          <p role="alert" className="mb-3 text-sm text-red-700">
            {t('common.error', { message: error })}
          </p>
        )}
        {draft && options && (
          <SegmentEditor
            key={editorKey}
            segment={draft}
            options={options}
            onSaved={onSaved}
            onDelete={
              draft.id
                ? () => setDeleting((segments ?? []).find((s) => s.id === draft.id) ?? null)
                : undefined
            }
          />
        )}
      </section>
      {deleting && (
        <ConfirmDialog
          title={t('segments.delete')}
          confirmLabel={t('segments.delete')}
          danger
          onConfirm={() => remove(deleting)}
          onClose={() => setDeleting(null)}
        >
          {t('segments.confirmDelete', { name: deleting.name })}
        </ConfirmDialog>
      )}
    </main>
  );
}
