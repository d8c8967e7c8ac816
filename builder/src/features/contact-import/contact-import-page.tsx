import { useMemo, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { usePoll } from '../../api/use-poll.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { countryChoices } from './import-targets.ts';
import { MappingTable, mappingReady, type ImportField } from './mapping-table.tsx';
import { uploadImportFile } from './upload-import-file.ts';
import { RejectedRows } from './rejected-rows.tsx';

interface Preview {
  header: string[];
  sampleRows: string[][];
  totalRows: number;
  proposedMapping: Record<string, string>;
  fields: ImportField[];
  defaultCountry: string | null;
}

/** Contacts → Import: choose a file, adjust what each column holds, import and follow the counts. */
export function ContactImportPage() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [country, setCountry] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const regions = useMemo(() => new Intl.DisplayNames([locale], { type: 'region' }), [locale]);

  const load = useMemo(
    () =>
      importId
        ? () =>
            ok(
              client.GET('/contact-imports/{id}', {
                params: { path: { id: importId }, query: { language: locale } },
              }),
            )
        : null,
    [importId],
  );
  const { data: progress } = usePoll(load, 500, (answer) => answer.status !== 'running');

  async function choose(chosen: File | undefined) {
    if (!chosen) return;
    setFile(chosen);
    setPreview(null);
    setImportId(null);
    setError(null);
    setBusy(true);
    try {
      const answer = await uploadImportFile<Preview>('/contact-imports/preview', chosen, {
        language: locale,
      });
      setPreview(answer);
      setMapping(answer.proposedMapping);
      setCountry(answer.defaultCountry ?? '');
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function start() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const { id } = await uploadImportFile<{ id: string }>('/contact-imports', file, {
        mapping: JSON.stringify(mapping),
        language: locale,
        ...(country ? { country } : {}),
      });
      setImportId(id);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function reset() {
    setFile(null);
    setPreview(null);
    setImportId(null);
    setError(null);
  }

  const total = progress?.totalRows ?? preview?.totalRows ?? 0;
  const countries = [
    ...new Set([...(preview?.defaultCountry ? [preview.defaultCountry] : []), ...countryChoices]),
  ];

  return (
    <main className="mx-auto max-w-4xl p-6">
      <h1 className="text-xl font-semibold text-slate-900">{t('contactImport.title')}</h1>
      <p className="mt-1 text-sm text-slate-600">{t('contactImport.intro')}</p>

      {!importId && (
        <label className="mt-4 inline-block cursor-pointer rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
          {t('contactImport.chooseFile')}
          <input
            type="file"
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="sr-only"
            onChange={(event) => void choose(event.target.files?.[0])}
          />
        </label>
      )}
      {busy && !preview && <p className="mt-3 text-sm text-slate-600">{t('contactImport.reading')}</p>}
      {error && (
        <p role="alert" className="mt-3 rounded bg-red-50 p-2 text-sm text-red-800">
          {error}
        </p>
      )}

      {preview && file && !importId && (
        <section className="mt-5 rounded border border-slate-200 bg-white p-4">
          <p className="mb-3 text-sm text-slate-700">
            {t('contactImport.rows', { count: preview.totalRows.toLocaleString(locale), file: file.name })}
          </p>
          <MappingTable
            header={preview.header}
            sampleRows={preview.sampleRows}
            fields={preview.fields}
            mapping={mapping}
            onChange={setMapping}
          />
          <label className="mt-4 block text-sm text-slate-700">
            {t('contactImport.country')}
            <select
              value={country}
              onChange={(event) => setCountry(event.target.value)}
              className="ml-2 rounded border border-slate-300 px-2 py-1 text-sm"
            >
              <option value="">{t('contactImport.noCountry')}</option>
              {countries.map((code) => (
                <option key={code} value={code}>
                  {regions.of(code) ?? code}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={busy || !mappingReady(mapping)}
            onClick={() => void start()}
            className="mt-4 rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
          >
            {t('contactImport.start', { count: preview.totalRows.toLocaleString(locale) })}
          </button>
        </section>
      )}

      {importId && progress && (
        <section className="mt-5 rounded border border-slate-200 bg-white p-4">
          {progress.status === 'running' && (
            <>
              <p className="text-sm text-slate-700">
                {t('contactImport.progress', {
                  done: progress.processedRows.toLocaleString(locale),
                  total: total.toLocaleString(locale),
                })}
              </p>
              <div
                role="progressbar"
                aria-label={t('contactImport.progressLabel')}
                aria-valuemin={0}
                aria-valuemax={total}
                aria-valuenow={progress.processedRows}
                className="mt-2 h-2 w-full overflow-hidden rounded bg-slate-100"
              >
                <div
                  className="h-full bg-indigo-600 transition-[width]"
                  style={{ width: `${total ? (100 * progress.processedRows) / total : 0}%` }}
                />
              </div>
            </>
          )}
          {progress.status === 'failed' && (
            <p role="alert" className="text-sm text-red-800">
              {t('contactImport.failed', { message: progress.error ?? '' })}
            </p>
          )}
          {progress.status !== 'running' && (
            <>
              {progress.status === 'done' && (
                <h2 className="text-base font-semibold text-slate-900">{t('contactImport.done')}</h2>
              )}
              <dl className="mt-3 grid grid-cols-3 gap-3 text-center">
                {(
                  [
                    ['contactImport.created', progress.created, 'text-emerald-700'],
                    ['contactImport.updated', progress.updated, 'text-indigo-700'],
                    ['contactImport.rejected', progress.rejected, 'text-amber-700'],
                  ] as const
                ).map(([key, value, color]) => (
                  <div key={key} className="rounded bg-slate-50 p-3">
                    <dt className="text-xs text-slate-500">{t(key)}</dt>
                    <dd className={`text-2xl font-semibold ${color}`}>{value.toLocaleString(locale)}</dd>
                  </div>
                ))}
              </dl>
              {progress.rejected > 0 && <RejectedRows importId={importId} total={progress.rejected} />}
              {progress.rejected > 0 ? (
                <a
                  href={`/api/v1/contact-imports/${importId}/rejections?format=csv`}
                  download
                  className="mt-3 inline-block text-sm text-indigo-700 underline"
                >
                  {t('contactImport.download')}
                </a>
              ) : (
                progress.status === 'done' && (
                  <p className="mt-3 text-sm text-slate-600">{t('contactImport.noRejections')}</p>
                )
              )}
              <div>
                <button
                  type="button"
                  onClick={reset}
                  className="mt-4 rounded border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50"
                >
                  {t('contactImport.another')}
                </button>
              </div>
            </>
          )}
        </section>
      )}
    </main>
  );
}
