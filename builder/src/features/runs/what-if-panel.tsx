import { useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { FlowDocument, WhatIfResult } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import type { RunHighlight } from '../canvas/types.ts';
import type { VersionSummary } from '../editor/versions-panel.tsx';
import { pathHighlight } from './path-highlight.ts';
import { WhatIfResultItem } from './what-if-result-item.tsx';

const defaultLimit = 100;
const maxLimit = 500;

/**
 * Replays the recent runs of a published version against the draft and shows which would now go
 * another way, and where. Choosing a run lights the path the draft would take on the canvas.
 */
export function WhatIfPanel({
  flowId,
  doc,
  versions,
  beforeRun,
  onHighlight,
}: {
  flowId: string;
  doc: FlowDocument;
  /** Published versions, newest first. */
  versions: readonly VersionSummary[];
  /** Makes sure the server has the latest draft (autosave may still be pending). */
  beforeRun: () => Promise<void>;
  onHighlight: (highlight: RunHighlight | null) => void;
}) {
  const t = useT();
  const [chosenVersion, setVersion] = useState<number | null>(null);
  const [limitText, setLimitText] = useState(String(defaultLimit));
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<{ version: number; result: WhatIfResult } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [onlyChanged, setOnlyChanged] = useState(false);

  const version = chosenVersion ?? versions[0]?.version ?? null;
  const limit = Number(limitText);
  const limitValid = Number.isInteger(limit) && limit >= 1 && limit <= maxLimit;
  const labelOf = (nodeId: string) => doc.nodes.find((n) => n.id === nodeId)?.label || nodeId;

  async function replay() {
    if (version === null || !limitValid) return;
    setRunning(true);
    setError(null);
    setSelected(null);
    onHighlight(null);
    try {
      await beforeRun();
      const result = await ok(
        client.POST('/flows/{id}/what-if', { params: { path: { id: flowId } }, body: { version, limit } }),
      );
      setAnswer({ version, result });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setRunning(false);
    }
  }

  if (versions.length === 0) return <p className="p-3 text-sm text-slate-600">{t('whatIf.noVersions')}</p>;

  const shown = answer ? answer.result.results.filter((r) => !onlyChanged || r.changed) : [];
  return (
    <section aria-labelledby="what-if-title" className="flex min-h-0 flex-col gap-2 p-3 text-sm">
      <h2 id="what-if-title" className="font-semibold">
        {t('whatIf.title')}
      </h2>
      <p className="text-slate-600">{t('whatIf.explain')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void replay();
        }}
        className="flex flex-wrap items-end gap-2"
      >
        <label>
          {t('whatIf.version')}
          <select
            value={version ?? ''}
            onChange={(e) => setVersion(Number(e.target.value))}
            className="mt-1 block rounded border border-slate-300 px-2 py-1"
          >
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('whatIf.limit')}
          <input
            type="number"
            min={1}
            max={maxLimit}
            value={limitText}
            onChange={(e) => setLimitText(e.target.value)}
            aria-invalid={!limitValid || undefined}
            className="mt-1 block w-24 rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <button
          type="submit"
          disabled={running || !limitValid}
          className="rounded bg-emerald-600 px-3 py-1 font-medium text-white disabled:opacity-50"
        >
          {t('whatIf.run')}
        </button>
      </form>
      {!limitValid && <p className="text-red-700">{t('whatIf.limitInvalid', { max: maxLimit })}</p>}
      {running && (
        <p role="status" className="flex items-center gap-2 text-slate-700">
          <span
            aria-hidden="true"
            className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-emerald-600"
          />
          {t('whatIf.running', { limit, version: version ?? '' })}
        </p>
      )}
      {error && (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      )}
      {answer && !running && (
        <>
          <p data-testid="what-if-summary" className="font-medium">
            {t('whatIf.summary', { changed: answer.result.changedCount, total: answer.result.total })}
          </p>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} />
            {t('whatIf.onlyChanged')}
          </label>
          <ul aria-label={t('whatIf.results')} className="min-h-0 flex-1 space-y-1 overflow-auto">
            {shown.map((result) => (
              <WhatIfResultItem
                key={result.runId}
                result={result}
                version={answer.version}
                selected={selected === result.runId}
                labelOf={labelOf}
                onSelect={() => {
                  const next = selected === result.runId ? null : result.runId;
                  setSelected(next);
                  onHighlight(next ? pathHighlight(doc, result.draftPath) : null);
                }}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
