import type { FlowAnalytics } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { formatCount, formatPercent } from './analytics-format.ts';

/**
 * One funnel per end node: each stage's runs as a bar against the first stage, A above B when
 * comparing versions (the funnels follow A's graph; B's stage of the same node sits under it).
 */
export function FunnelPanel({
  a,
  b,
  nameOf,
}: {
  a: FlowAnalytics;
  b: FlowAnalytics | null;
  nameOf: (nodeId: string) => string;
}) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  if (a.funnels.length === 0) return <p className="text-sm text-slate-500">{t('analytics.noFunnels')}</p>;
  return (
    <div className="space-y-3">
      {a.funnels.map((funnel) => {
        const other = b?.funnels.find((f) => f.endNodeId === funnel.endNodeId);
        const top = Math.max(funnel.stages[0]?.runs ?? 0, other?.stages[0]?.runs ?? 0);
        return (
          <figure key={funnel.endNodeId} data-testid="funnel" data-end={funnel.endNodeId}>
            <figcaption className="mb-1 text-sm font-medium">
              {t('analytics.funnelTo', { end: nameOf(funnel.endNodeId) })}
            </figcaption>
            <ol className="space-y-1">
              {funnel.stages.map((stage) => {
                const stageB = other?.stages.find((s) => s.nodeId === stage.nodeId);
                const bars = [
                  { tag: b ? 'A' : null, runs: stage.runs, first: funnel.stages[0]?.runs ?? 0 },
                  ...(b ? [{ tag: 'B', runs: stageB?.runs ?? 0, first: other?.stages[0]?.runs ?? 0 }] : []),
                ];
                return (
                  <li key={stage.nodeId} className="text-xs">
                    {bars.map((bar) => (
                      <div key={bar.tag ?? 'only'} className="flex items-center gap-2">
                        {bar.tag && <span className="w-3 font-bold text-indigo-700">{bar.tag}</span>}
                        <div className="h-3 flex-1 rounded bg-slate-100" aria-hidden="true">
                          <div
                            className={`h-3 rounded ${bar.tag === 'B' ? 'bg-amber-500' : 'bg-indigo-500'}`}
                            style={{ width: `${top > 0 ? (100 * bar.runs) / top : 0}%` }}
                          />
                        </div>
                        <span className="w-40 truncate" data-testid="funnel-stage">
                          {t('analytics.funnelStage', {
                            node: nameOf(stage.nodeId),
                            runs: formatCount(bar.runs, locale),
                            percent: formatPercent(bar.runs, bar.first, locale),
                          })}
                        </span>
                      </div>
                    ))}
                  </li>
                );
              })}
            </ol>
          </figure>
        );
      })}
    </div>
  );
}
