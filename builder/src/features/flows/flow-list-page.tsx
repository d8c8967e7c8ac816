import { useCallback, useEffect, useRef, useState } from 'react';
import { client, done, ok } from '../../api/client.ts';
import type { FlowSummary } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { navigate } from '../../use-route.ts';
import { downloadFlow, emptyFlow, FlowFileError, readFlowFile } from './flow-file.ts';
import { TemplatesGallery } from '../gallery/templates-gallery.tsx';
import { TemplatesGalleryDialog } from '../gallery/templates-gallery-dialog.tsx';
import { useCan } from '../roles/permissions.tsx';

export function FlowListPage() {
  const t = useT();
  const can = useCan();
  const locale = useLocale((s) => s.locale);
  const [flows, setFlows] = useState<FlowSummary[] | null>(null);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  // A double click on "New flow" makes one flow: the second click finds this set.
  const creating = useRef(false);

  const load = useCallback(async () => {
    try {
      const { items } = await ok(client.GET('/flows', { params: { query: query ? { q: query } : {} } }));
      setFlows(items);
    } catch (e) {
      setError(t('common.error', { message: (e as Error).message }));
    }
  }, [query, t]);

  useEffect(() => {
    void load();
  }, [load]);

  async function create() {
    if (creating.current) return;
    creating.current = true;
    try {
      const flow = await ok(client.POST('/flows', { body: emptyFlow(t('flows.newName'), locale) }));
      navigate(`/flows/${flow.id}`);
    } catch (e) {
      setError(t('common.error', { message: (e as Error).message }));
    } finally {
      creating.current = false;
    }
  }

  async function duplicate(id: string) {
    const flow = await ok(client.GET('/flows/{id}', { params: { path: { id } } }));
    await ok(
      client.POST('/flows', {
        // A draft (nothing is taken over: publishing it reports a trigger the original claims),
        // named within the 200 characters a flow name may have.
        body: { ...flow.draft, name: t('flows.copyOf', { name: flow.name }).slice(0, 200) },
      }),
    );
    await load();
  }

  async function remove(summary: FlowSummary) {
    if (!confirm(t('flows.confirmDelete', { name: summary.name }))) return;
    try {
      await done(client.DELETE('/flows/{id}', { params: { path: { id: summary.id } } }));
    } catch (e) {
      setError((e as Error).message);
    }
    await load();
  }

  async function exportFlow(id: string) {
    downloadFlow((await ok(client.GET('/flows/{id}', { params: { path: { id } } }))).draft);
  }

  async function importFile(file: File | undefined) {
    // Picking the same file again after a fix must fire `change` once more.
    if (fileInput.current) fileInput.current.value = '';
    if (!file) return;
    // An earlier import's error is about another file.
    setError(null);
    try {
      const flow = await ok(client.POST('/flows', { body: await readFlowFile(file) }));
      navigate(`/flows/${flow.id}`);
    } catch (e) {
      setError(
        t('flows.importFailed', { reason: e instanceof FlowFileError ? t(e.reason) : (e as Error).message }),
      );
    }
  }

  return (
    <main className="mx-auto max-w-4xl p-6">
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <h1 className="mr-auto text-2xl font-semibold">{t('flows.title')}</h1>
        <input
          type="search"
          aria-label={t('flows.search')}
          placeholder={t('flows.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="rounded border border-slate-300 px-2 py-1"
        />
        {can('flows:edit') && (
          <>
            <button
              onClick={() => fileInput.current?.click()}
              className="rounded border border-slate-300 bg-white px-3 py-1"
            >
              {t('flows.import')}
            </button>
            <input
              ref={fileInput}
              type="file"
              accept="application/json,.json"
              className="hidden"
              aria-label={t('flows.import')}
              onChange={(e) => void importFile(e.target.files?.[0])}
            />
            <button
              onClick={() => setChoosing(true)}
              className="rounded bg-indigo-600 px-3 py-1 font-medium text-white"
            >
              {t('flows.create')}
            </button>
          </>
        )}
      </div>
      {error && (
        <p role="alert" className="mb-3 rounded bg-red-50 p-2 text-sm text-red-800">
          {error}
        </p>
      )}
      {flows === null ? (
        <p>{t('common.loading')}</p>
      ) : flows.length === 0 ? (
        // First start: the gallery is the empty list, so nobody meets a blank canvas unasked.
        <TemplatesGallery onCreated={(id) => navigate(`/flows/${id}`)} onBlank={create} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow">
          {flows.map((flow) => (
            <li key={flow.id} className="flex items-center gap-3 p-3">
              <a href={`#/flows/${flow.id}`} className="mr-auto font-medium text-indigo-700 hover:underline">
                {flow.name}
              </a>
              <span className="rounded bg-slate-100 px-2 text-xs">
                {flow.latestVersion
                  ? t('flows.version', { version: flow.latestVersion })
                  : t('flows.draftOnly')}
              </span>
              <span className="text-xs text-slate-500">
                {t('flows.updated', { date: new Date(flow.updatedAt).toLocaleString(locale) })}
              </span>
              <button
                onClick={() => void duplicate(flow.id)}
                className="text-sm text-slate-700 hover:underline"
              >
                {t('flows.duplicate')}
              </button>
              <button
                onClick={() => void exportFlow(flow.id)}
                className="text-sm text-slate-700 hover:underline"
              >
                {t('flows.export')}
              </button>
              <button onClick={() => void remove(flow)} className="text-sm text-red-700 hover:underline">
                {t('flows.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {choosing && (
        <TemplatesGalleryDialog
          onCreated={(id) => navigate(`/flows/${id}`)}
          onBlank={create}
          onClose={() => setChoosing(false)}
        />
      )}
    </main>
  );
}
