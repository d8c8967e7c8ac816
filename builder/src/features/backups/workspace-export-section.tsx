import { useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { formatBytes } from '../voice/format-bytes.ts';
import { useJob } from './use-job.ts';

const loadExport = (id: string) => ok(client.GET('/workspace-exports/{id}', { params: { path: { id } } }));

/** The contract-end handover: start the export of this workspace, follow it, download it. */
export function WorkspaceExportSection() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { data: job } = useJob(jobId, loadExport);
  const number = new Intl.NumberFormat(locale);

  async function start() {
    setStarting(true);
    setError(null);
    try {
      const started = await ok(client.POST('/workspace-exports'));
      if (started) setJobId(started.id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setStarting(false);
    }
  }

  const running = starting || (jobId !== null && (!job || job.status === 'running'));
  return (
    <section aria-labelledby="export-title" className="space-y-3">
      <h2 id="export-title" className="text-lg font-semibold">
        {t('workspaceExport.title')}
      </h2>
      <p className="text-slate-700">{t('workspaceExport.intro')}</p>
      <button
        type="button"
        disabled={running}
        onClick={() => void start()}
        className="rounded bg-indigo-600 px-3 py-1 text-white disabled:opacity-50"
      >
        {t('workspaceExport.start')}
      </button>
      <div aria-live="polite">
        {running &&
          (job?.total ? (
            <p className="flex items-center gap-2">
              <progress value={job.done} max={job.total} className="w-48" />
              {t('workspaceExport.running', {
                done: number.format(job.done),
                total: number.format(job.total),
              })}
            </p>
          ) : (
            <p>{t('workspaceExport.starting')}</p>
          ))}
        {job?.status === 'done' && (
          <p className="flex flex-wrap items-center gap-3">
            <span>{t('workspaceExport.ready', { size: formatBytes(job.bytes ?? 0, locale) })}</span>
            <a
              href={`/api/v1/workspace-exports/${encodeURIComponent(job.id)}/archive`}
              download
              className="rounded border border-indigo-600 px-3 py-1 text-indigo-700"
            >
              {t('workspaceExport.download')}
            </a>
          </p>
        )}
      </div>
      {job?.status === 'failed' && (
        <p role="alert" className="text-red-700">
          {t('workspaceExport.failed', { error: job.error ?? '' })}
        </p>
      )}
      {error && (
        <p role="alert" className="text-red-700">
          {t('common.error', { message: error })}
        </p>
      )}
    </section>
  );
}
