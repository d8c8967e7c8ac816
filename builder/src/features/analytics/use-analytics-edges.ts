import { useMemo } from 'react';
import type { Edge } from '@xyflow/react';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { formatCount } from './analytics-format.ts';
import { useAnalyticsStore } from './analytics-store.ts';
import { busiestPort, edgeWidth, portCounts, portKey } from './analytics-view.ts';

const labelStyle = { fontSize: 11, fontWeight: 600, fill: '#312e81' };
const labelBgStyle = { fill: '#eef2ff' };

/**
 * In analytics mode, each edge as wide as the share of runs that took its port (version A's;
 * the wider of A and B when comparing) and labelled with the count. The edges themselves
 * otherwise, the very same array, so nothing re-renders.
 */
export function useAnalyticsEdges<E extends Edge>(edges: E[]): E[] {
  const overlay = useAnalyticsStore((s) => s.overlay);
  const t = useT();
  const locale = useLocale((s) => s.locale);
  return useMemo(() => {
    if (!overlay) return edges;
    const a = portCounts(overlay.a);
    const b = overlay.b ? portCounts(overlay.b) : null;
    const busiest = busiestPort(overlay.a, overlay.b);
    return edges.map((edge) => {
      const key = portKey(edge.source, edge.sourceHandle ?? '');
      const countA = a.get(key) ?? 0;
      const countB = b?.get(key) ?? 0;
      const label = b
        ? t('analytics.edgeCompare', { a: formatCount(countA, locale), b: formatCount(countB, locale) })
        : t('analytics.edge', { count: formatCount(countA, locale) });
      return {
        ...edge,
        style: {
          ...edge.style,
          strokeWidth: edgeWidth(Math.max(countA, countB), busiest),
          stroke: '#6366f1',
        },
        // Markers grow with the stroke by default: a wide edge would end in a huge arrow.
        ...(typeof edge.markerEnd === 'object'
          ? { markerEnd: { ...edge.markerEnd, markerUnits: 'userSpaceOnUse', width: 18, height: 18 } }
          : {}),
        label,
        labelStyle,
        labelBgStyle,
        labelBgPadding: [4, 2] as [number, number],
        data: { ...edge.data, runs: countA },
      };
    });
  }, [edges, overlay, t, locale]);
}
