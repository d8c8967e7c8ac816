import { useEffect, useRef, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { BulkAction, BulkJobStarted, BulkPreview, RunFilter } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { ModalDialog } from '../../ui/modal-dialog.tsx';
import { BulkProgress } from './bulk-progress.tsx';
import { newIdempotencyKey } from './idempotency-key.ts';
import { RunStatusBadge } from './run-status-badge.tsx';

/**
 * Confirms a bulk action with the number of runs it will touch, starts it once, then follows it.
 * The idempotency key lives as long as the dialog: a second click, or a retried request, names
 * the same job instead of starting another.
 */
export function BulkActionDialog({
  action,
  filter,
  onClose,
}: {
  action: BulkAction;
  filter: RunFilter;
  /** `started`: a job ran, so the list and counts are worth reading again. */
  onClose: (started: boolean) => void;
}) {
  const t = useT();
  const [idempotencyKey] = useState(newIdempotencyKey);
  // The dialog is about the filter and action it opened with, whatever the page does meanwhile.
  const [request] = useState(() => ({ filter, action }));
  const [preview, setPreview] = useState<BulkPreview | null>(null);
  const [job, setJob] = useState<BulkJobStarted | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const startedOnce = useRef(false);

  useEffect(() => {
    let stale = false;
    ok(client.POST('/runs/bulk/preview', { body: request })).then(
      (answer) => !stale && setPreview(answer),
      (e: unknown) => !stale && setError((e as Error).message),
    );
    return () => {
      stale = true;
    };
  }, [request]);

  async function start() {
    if (startedOnce.current) return;
    startedOnce.current = true;
    setStarting(true);
    setError(null);
    try {
      setJob(await ok(client.POST('/runs/bulk', { body: { ...request, idempotencyKey } })));
    } catch (e) {
      // Nothing started (or the server will say it did under the same key): trying again is safe.
      startedOnce.current = false;
      setError((e as Error).message);
    } finally {
      setStarting(false);
    }
  }

  const count = preview?.count ?? 0;
  return (
    <ModalDialog title={t(`bulk.title.${action}`)} onClose={() => onClose(job !== null)} wide>
      <div className="space-y-3 text-sm">
        {job ? (
          <BulkProgress jobId={job.jobId} total={job.total} />
        ) : preview ? (
          <>
            <p data-testid="bulk-count">{t('bulk.matching', { count })}</p>
            {count > 0 && <p>{t(`bulk.explain.${action}`)}</p>}
            {preview.sample.length > 0 && (
              <ul aria-label={t('bulk.sample')} className="space-y-1 rounded bg-slate-50 p-2">
                {preview.sample.slice(0, 5).map((run) => (
                  <li key={run.id} className="flex items-center gap-2">
                    <RunStatusBadge status={run.status} />
                    <span>
                      {run.flowName} v{run.version}
                    </span>
                    <span className="font-mono text-slate-600">{run.contact ?? run.id}</span>
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          !error && <p>{t('bulk.counting')}</p>
        )}
        {error && (
          <p role="alert" className="text-red-700">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button
            type="button"
            onClick={() => onClose(job !== null)}
            className="rounded border border-slate-300 px-3 py-1"
          >
            {job ? t('bulk.close') : t('bulk.back')}
          </button>
          {!job && (
            <button
              type="button"
              onClick={() => void start()}
              disabled={!preview || count === 0 || starting}
              className={`rounded px-3 py-1 font-medium text-white disabled:opacity-50 ${action === 'cancel' ? 'bg-red-600' : 'bg-indigo-600'}`}
            >
              {t(`bulk.confirm.${action}`, { count })}
            </button>
          )}
        </div>
      </div>
    </ModalDialog>
  );
}
