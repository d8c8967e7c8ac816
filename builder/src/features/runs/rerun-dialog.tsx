import { useEffect, useState } from 'react';
import { ApiError, client, ok } from '../../api/client.ts';
import type { RunDetail } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { navigate } from '../../use-route.ts';
import type { VersionSummary } from '../editor/versions-panel.tsx';

const same = 'same';

/** Starts the run again with its trigger input, on its own version or another published one. */
export function RerunDialog({ run, onClose }: { run: RunDetail; onClose: () => void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [choice, setChoice] = useState(same);

  useEffect(() => {
    let stale = false;
    ok(client.GET('/flows/{id}/versions', { params: { path: { id: run.flowId } } })).then(
      ({ items }) => !stale && setVersions(items),
      (e: unknown) => !stale && setLoadError((e as Error).message),
    );
    return () => {
      stale = true;
    };
  }, [run.flowId]);

  async function rerun() {
    const body =
      choice === same ? { mode: 'rerun' as const } : { mode: 'rerun' as const, version: Number(choice) };
    const result = await ok(client.POST('/runs/{id}/replay', { params: { path: { id: run.id } }, body }));
    if (result.mode !== 'rerun')
      throw new ApiError(200, 'UNEXPECTED_ANSWER', `Expected a rerun, got ${result.mode}`);
    navigate(`/runs/${result.runId}`);
  }

  return (
    <ConfirmDialog
      title={t('run.rerun.title')}
      confirmLabel={t('run.rerun.confirm')}
      onConfirm={rerun}
      onClose={onClose}
    >
      <p>{t('run.rerun.explain')}</p>
      <label className="block">
        {t('run.rerun.version')}
        <select
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          className="mt-1 block w-full rounded border border-slate-300 px-2 py-1"
        >
          <option value={same}>{t('run.rerun.same', { version: run.version })}</option>
          {versions
            ?.filter((v) => v.version !== run.version)
            .map((v) => (
              <option key={v.version} value={String(v.version)}>
                {t('run.rerun.other', {
                  version: v.version,
                  date: new Date(v.publishedAt).toLocaleDateString(locale),
                })}
                {v.notes ? ` — ${v.notes}` : ''}
              </option>
            ))}
        </select>
      </label>
      {loadError && <p className="text-amber-800">{t('run.rerun.versionsFailed', { message: loadError })}</p>}
    </ConfirmDialog>
  );
}
