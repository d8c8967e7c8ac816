import { useLocale, useT } from '../../i18n/use-i18n.ts';

export interface VersionSummary {
  version: number;
  notes: string;
  publishedAt: string;
}

export function VersionsPanel({
  versions,
  viewing,
  onOpen,
  onRestore,
}: {
  versions: VersionSummary[];
  viewing: number | null;
  onOpen: (version: number) => void;
  /** Absent: the caller may not change the draft, so no version is offered for restoring. */
  onRestore?: ((version: number) => void) | undefined;
}) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  return (
    <section aria-labelledby="versions-title" className="border-t border-slate-200 p-3">
      <h2 id="versions-title" className="mb-2 text-sm font-semibold">
        {t('editor.versions')}
      </h2>
      {versions.length === 0 ? (
        <p className="text-sm text-slate-500">{t('editor.noVersions')}</p>
      ) : (
        <ul className="space-y-2">
          {versions.map((v) => (
            <li
              key={v.version}
              className={`rounded p-2 text-sm ${viewing === v.version ? 'bg-indigo-50' : 'bg-slate-50'}`}
            >
              <div className="flex items-center gap-2">
                <strong>v{v.version}</strong>
                <span className="text-xs text-slate-500">
                  {new Date(v.publishedAt).toLocaleString(locale)}
                </span>
              </div>
              {v.notes && <p className="text-slate-700">{v.notes}</p>}
              <div className="mt-1 flex gap-3">
                <button onClick={() => onOpen(v.version)} className="text-indigo-700 hover:underline">
                  {t('editor.open')}
                </button>
                {onRestore && (
                  <button onClick={() => onRestore(v.version)} className="text-indigo-700 hover:underline">
                    {t('editor.restore')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
