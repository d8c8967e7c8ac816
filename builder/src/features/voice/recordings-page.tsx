import { useCallback, useEffect, useMemo, useState } from 'react';
import { client, done, ok } from '../../api/client.ts';
import type { Recording, RecordingsUsage, VoiceFilter } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { navigate } from '../../use-route.ts';
import { DeleteRangeDialog } from './delete-range-dialog.tsx';
import { formatBytes } from './format-bytes.ts';
import { RecordingsTable } from './recordings-table.tsx';
import { StorageUsage } from './storage-usage.tsx';
import { VoicePromptsSection } from '../voice-prompts/voice-prompts-section.tsx';
import { useFlowNames } from './use-flow-names.ts';
import { useCursorList } from '../../api/use-cursor-list.ts';
import { VoiceFilterBar } from './voice-filter-bar.tsx';
import { voiceFilterFromQuery, voiceRoute } from './voice-filter.ts';

/**
 * Call recordings (`#/recordings`): search, play, download, delete one or a date range, and the
 * storage they take against the quota. Deleting by date and changing the quota are for admins,
 * as the API says.
 */
export function RecordingsPage({ query, isAdmin }: { query: URLSearchParams; isAdmin: boolean }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const queryText = query.toString();
  const filter = useMemo(() => voiceFilterFromQuery(new URLSearchParams(queryText)), [queryText]);
  const list = useCursorList(JSON.stringify(filter), (page) =>
    ok(client.GET('/recordings', { params: { query: { ...filter, ...page } } })),
  );
  const { flows, nameOf } = useFlowNames();
  const [usage, setUsage] = useState<RecordingsUsage | null>(null);
  const [usageError, setUsageError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Recording | null>(null);
  const [deletingRange, setDeletingRange] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const loadUsage = useCallback(() => {
    ok(client.GET('/recordings/usage')).then(
      (answer) => {
        setUsage(answer);
        setUsageError(null);
      },
      (e: unknown) => setUsageError((e as Error).message),
    );
  }, []);
  useEffect(loadUsage, [loadUsage]);

  const show = (next: VoiceFilter) => navigate(voiceRoute('recordings', next));

  return (
    <main className="mx-auto max-w-7xl space-y-4 p-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t('voice.recordings.title')}</h1>
        <div className="ml-auto flex gap-2">
          {isAdmin && (
            <button
              type="button"
              onClick={() => setDeletingRange(true)}
              className="rounded border border-red-300 bg-white px-3 py-1 text-sm text-red-700"
            >
              {t('voice.recordings.deleteRange')}
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              list.reload();
              loadUsage();
            }}
            className="rounded border border-slate-300 bg-white px-3 py-1 text-sm"
          >
            {t('voice.refresh')}
          </button>
        </div>
      </div>
      {usage && <StorageUsage usage={usage} isAdmin={isAdmin} onChange={setUsage} />}
      {usageError && (
        <p role="alert" className="text-sm text-red-700">
          {t('common.error', { message: usageError })}
        </p>
      )}
      <VoiceFilterBar filter={filter} flows={flows} onChange={show} />
      {notice && (
        <p role="status" className="text-sm text-emerald-800">
          {notice}
        </p>
      )}
      {list.error && (
        <p role="alert" className="text-red-700">
          {t('common.error', { message: list.error })}
        </p>
      )}
      {list.items.length > 0 ? (
        <RecordingsTable recordings={list.items} flowName={nameOf} onDelete={setDeleting} />
      ) : (
        !list.loading && !list.error && <p className="text-slate-600">{t('voice.recordings.empty')}</p>
      )}
      {list.loading && <p>{t('common.loading')}</p>}
      {list.nextCursor && !list.loading && (
        <button
          type="button"
          onClick={() => void list.loadMore()}
          className="rounded border border-slate-300 bg-white px-3 py-1 text-sm"
        >
          {t('voice.loadMore')}
        </button>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('voice.recordings.deleteOne')}
          confirmLabel={t('voice.recordings.delete')}
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await done(client.DELETE('/recordings/{id}', { params: { path: { id: deleting.id } } }));
            list.remove(deleting.id);
            setDeleting(null);
            loadUsage();
          }}
        >
          <p>
            {t('voice.recordings.deleteOneBody', {
              from: deleting.from,
              time: new Date(deleting.createdAt).toLocaleString(locale),
              size: formatBytes(deleting.bytes, locale),
            })}
          </p>
        </ConfirmDialog>
      )}
      {deletingRange && (
        <DeleteRangeDialog
          onClose={() => setDeletingRange(false)}
          onDeleted={(count) => {
            setDeletingRange(false);
            setNotice(t('voice.recordings.deleted', { count }));
            list.reload();
            loadUsage();
          }}
        />
      )}
      <VoicePromptsSection />
    </main>
  );
}
