import { useEffect, useMemo, useState } from 'react';
import type { CatalogEntry } from '../../api/types.ts';
import { useLocale, useLocalized, useT } from '../../i18n/use-i18n.ts';
import { useFlowStore } from '../canvas/flow-store.ts';
import { formatCount } from './analytics-format.ts';
import { localDate, periodPresets, type PeriodChoice, type PeriodPreset } from './analytics-period.ts';
import { useAnalyticsStore } from './analytics-store.ts';
import { FunnelPanel } from './funnel-panel.tsx';
import { useFlowAnalytics } from './use-flow-analytics.ts';

type VersionChoice = number | 'all';

const field = 'mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm';

/**
 * Analytics mode's side panel: the period and version (and a second version to compare) the
 * canvas shows figures for, the run totals and the funnels. While open it hands the figures to
 * the canvas (analytics-store.ts); closing it takes them away.
 */
export function AnalyticsPanel({
  flowId,
  versions,
  catalog,
}: {
  flowId: string;
  versions: readonly { version: number }[];
  catalog: readonly CatalogEntry[];
}) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const localize = useLocalized();
  const doc = useFlowStore((s) => s.doc);
  const today = localDate(new Date());
  const [period, setPeriod] = useState<PeriodChoice>({ preset: '7', fromDate: today, toDate: today });
  const [versionA, setVersionA] = useState<VersionChoice>('all');
  const [compare, setCompare] = useState(false);
  const [versionB, setVersionB] = useState<VersionChoice>(
    versions[1]?.version ?? versions[0]?.version ?? 'all',
  );
  const a = useFlowAnalytics(flowId, versionA, period);
  const b = useFlowAnalytics(flowId, compare ? versionB : null, period);
  const show = useAnalyticsStore((s) => s.show);

  useEffect(() => {
    show(a.data ? { a: a.data, b: compare ? (b.data ?? null) : null } : null);
  }, [a.data, b.data, compare, show]);
  useEffect(() => () => show(null), [show]);

  const nameOf = useMemo(() => {
    const nodes = new Map(doc?.nodes.map((n) => [n.id, n]) ?? []);
    return (nodeId: string) => {
      const node = nodes.get(nodeId);
      const entry = node && catalog.find((c) => c.type === node.type && c.version === node.version);
      return node?.label || (entry ? localize(entry.title) : nodeId);
    };
  }, [doc, catalog, localize]);

  const versionLabel = (v: VersionChoice) =>
    v === 'all' ? t('analytics.allVersions') : t('analytics.versionN', { version: v });
  const versionSelect = (label: string, value: VersionChoice, onChange: (v: VersionChoice) => void) => (
    <label className="block text-sm">
      {label}
      <select
        className={field}
        value={String(value)}
        onChange={(e) => onChange(e.target.value === 'all' ? 'all' : Number(e.target.value))}
      >
        <option value="all">{t('analytics.allVersions')}</option>
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            {t('analytics.versionN', { version: v.version })}
          </option>
        ))}
      </select>
    </label>
  );
  const error = a.error ?? b.error;
  const totals = a.data?.runs;

  return (
    <aside
      aria-label={t('analytics.title')}
      className="flex w-80 flex-col gap-3 overflow-auto border-l border-slate-200 bg-white p-3"
      data-testid="analytics-panel"
    >
      <h2 className="text-sm font-semibold">{t('analytics.title')}</h2>
      <label className="block text-sm">
        {t('analytics.period')}
        <select
          className={field}
          value={period.preset}
          onChange={(e) => setPeriod({ ...period, preset: e.target.value as PeriodPreset })}
        >
          {periodPresets.map((p) => (
            <option key={p} value={p}>
              {t(`analytics.period.${p}`)}
            </option>
          ))}
        </select>
      </label>
      {period.preset === 'custom' && (
        <div className="flex gap-2">
          <label className="block flex-1 text-sm">
            {t('analytics.from')}
            <input
              type="date"
              className={field}
              value={period.fromDate}
              onChange={(e) => setPeriod({ ...period, fromDate: e.target.value })}
            />
          </label>
          <label className="block flex-1 text-sm">
            {t('analytics.to')}
            <input
              type="date"
              className={field}
              value={period.toDate}
              onChange={(e) => setPeriod({ ...period, toDate: e.target.value })}
            />
          </label>
        </div>
      )}
      {versionSelect(t('analytics.version'), versionA, setVersionA)}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={compare} onChange={(e) => setCompare(e.target.checked)} />
        {t('analytics.compare')}
      </label>
      {compare && versionSelect(t('analytics.versionB'), versionB, setVersionB)}
      {compare && (
        <p className="text-xs text-slate-600" data-testid="analytics-legend">
          {t('analytics.legendA', { version: versionLabel(versionA) })} ·{' '}
          {t('analytics.legendB', { version: versionLabel(versionB) })}
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {t('analytics.failed', { message: error })}
        </p>
      )}
      {!a.data && !error && <p className="text-sm text-slate-500">{t('analytics.loading')}</p>}
      {totals && (
        <p className="text-sm" data-testid="analytics-totals">
          {totals.total === 0
            ? t('analytics.noRuns')
            : t('analytics.totals', {
                runs: formatCount(totals.total, locale),
                completed: formatCount(totals.completed, locale),
                abandoned: formatCount(totals.abandoned, locale),
                failed: formatCount(totals.failed, locale),
                inProgress: formatCount(totals.inProgress, locale),
              })}
        </p>
      )}
      {a.data && a.data.runs.total > 0 && (
        <section>
          <h3 className="mb-2 text-sm font-semibold">{t('analytics.funnels')}</h3>
          <FunnelPanel a={a.data} b={compare ? (b.data ?? null) : null} nameOf={nameOf} />
        </section>
      )}
    </aside>
  );
}
