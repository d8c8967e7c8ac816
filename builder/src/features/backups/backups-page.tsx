import { useCallback, useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { components } from '../../api/api-schema.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { formatBytes } from '../voice/format-bytes.ts';
import { databaseWords, shortChecksum } from './backup-words.ts';
import { RestoreHelp } from './restore-help.tsx';
import { useJob, type DataJob } from './use-job.ts';
import { WorkspaceExportSection } from './workspace-export-section.tsx';

type Backup = components['schemas']['Backup'];
interface Listing {
  settings: { keep: number; everyDays: number };
  items: Backup[];
  last: DataJob | null;
}

const loadBackupJob = (id: string) => ok(client.GET('/backups/jobs/{id}', { params: { path: { id } } }));

/**
 * Backups for those allowed to make them: the archives in the backup folder, the schedule and
 * how the last one went, a backup on demand with its progress, the workspace export, and how
 * to restore (a CLI command, as the server must be stopped).
 */
export function BackupsPage() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const { data: job } = useJob(jobId, loadBackupJob);
  const when = (iso: string) => new Date(iso).toLocaleString(locale);
  const number = new Intl.NumberFormat(locale);

  const load = useCallback(async () => {
    try {
      const answer = (await ok(client.GET('/backups'))) as Listing;
      setListing(answer);
      // A backup started elsewhere (the schedule, another admin) is followed as this page's own.
      if (answer.last?.status === 'running') setJobId((current) => current ?? answer.last!.id);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => void load(), [load]);
  // The list and the last result change when the followed backup ends.
  useEffect(() => {
    if (job && job.status !== 'running') void load();
  }, [job?.status]);

  async function backUpNow() {
    setStarting(true);
    setError(null);
    try {
      const started = await ok(client.POST('/backups'));
      if (started) setJobId(started.id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setStarting(false);
    }
  }

  const running = starting || (jobId !== null && (!job || job.status === 'running'));
  const last = job && job.id === listing?.last?.id ? job : (listing?.last ?? null);
  const restoring = listing?.items.find((b) => b.file === chosen) ?? listing?.items[0];

  return (
    <main className="mx-auto max-w-5xl space-y-8 p-6">
      <section aria-labelledby="backups-title" className="space-y-3">
        <h1 id="backups-title" className="text-2xl font-semibold">
          {t('backups.title')}
        </h1>
        <p className="text-slate-700">{t('backups.intro')}</p>
        {listing && (
          <p>
            {listing.settings.everyDays === 1
              ? t('backups.scheduleDaily', { keep: listing.settings.keep })
              : t('backups.schedule', { days: listing.settings.everyDays, keep: listing.settings.keep })}
          </p>
        )}
        {listing && <LastResult job={last} when={when} />}
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            disabled={running || !listing}
            onClick={() => void backUpNow()}
            className="rounded bg-indigo-600 px-3 py-1 text-white disabled:opacity-50"
          >
            {t('backups.now')}
          </button>
          <span aria-live="polite">
            {running &&
              (job?.total ? (
                <span className="flex items-center gap-2">
                  <progress value={job.done} max={job.total} className="w-48" />
                  {t('backups.running', { done: number.format(job.done), total: number.format(job.total) })}
                </span>
              ) : (
                t('backups.starting')
              ))}
            {jobId &&
              job?.status === 'done' &&
              t('backups.finished', { size: formatBytes(job.bytes ?? 0, locale) })}
          </span>
        </div>
        {error && (
          <p role="alert" className="text-red-700">
            {t('common.error', { message: error })}
          </p>
        )}
        {listing && listing.items.length === 0 && <p className="text-slate-600">{t('backups.empty')}</p>}
        {listing && listing.items.length > 0 && (
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                <th className="py-1">{t('backups.col.when')}</th>
                <th>{t('backups.col.size')}</th>
                <th>{t('backups.col.database')}</th>
                <th>{t('backups.col.files')}</th>
                <th>{t('backups.col.checksum')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {listing.items.map((backup) => (
                <tr key={backup.file} className="border-t border-slate-100">
                  <td className="whitespace-nowrap py-1">{when(backup.createdAt)}</td>
                  <td>{formatBytes(backup.bytes, locale)}</td>
                  <td>{t(databaseWords(backup.databaseKind))}</td>
                  <td>
                    {number.format(backup.storedFiles)}
                    {backup.missing > 0 && (
                      <span className="block text-xs text-amber-700">
                        {t('backups.missing', { count: number.format(backup.missing) })}
                      </span>
                    )}
                  </td>
                  <td className="font-mono text-xs">
                    {backup.sha256 ? shortChecksum(backup.sha256) : t('backups.noChecksum')}
                  </td>
                  <td className="text-right">
                    <a
                      href="#/backups"
                      onClick={(e) => {
                        e.preventDefault();
                        setChosen(backup.file);
                        document.getElementById('restore')?.scrollIntoView?.();
                      }}
                      className="text-indigo-700 underline"
                    >
                      {t('backups.restoreThis')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {listing && <RestoreHelp backup={restoring} />}
      <WorkspaceExportSection />
    </main>
  );
}

function LastResult({ job, when }: { job: DataJob | null; when: (iso: string) => string }) {
  const t = useT();
  if (!job) return <p className="text-slate-600">{t('backups.never')}</p>;
  if (job.status === 'failed')
    return (
      <p role="alert" className="text-red-700">
        {t('backups.lastFailed', { when: when(job.startedAt), error: job.error ?? '' })}
      </p>
    );
  if (job.status === 'running') return <p>{t('backups.lastRunning', { when: when(job.startedAt) })}</p>;
  return <p>{t('backups.lastDone', { when: when(job.finishedAt ?? job.startedAt) })}</p>;
}
