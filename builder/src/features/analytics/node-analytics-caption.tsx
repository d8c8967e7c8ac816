import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { useAnalyticsStore } from './analytics-store.ts';
import { nodeFigures } from './analytics-view.ts';
import { deliveryText, nodeAnalyticsText } from './node-analytics-text.ts';

/**
 * A node's figures in analytics mode, drawn just above its card (outside it, so the card keeps
 * the height its port handles are placed by). Nothing outside analytics mode.
 */
export function NodeAnalyticsCaption({ nodeId }: { nodeId: string }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const a = useAnalyticsStore((s) => (s.overlay ? (nodeFigures(s.overlay.a, nodeId) ?? null) : undefined));
  const comparing = useAnalyticsStore((s) => s.overlay?.b != null);
  const b = useAnalyticsStore((s) => (s.overlay?.b ? (nodeFigures(s.overlay.b, nodeId) ?? null) : undefined));
  if (a === undefined) return null;
  const lines = comparing
    ? [
        { tag: 'A', figures: a ?? undefined },
        { tag: 'B', figures: b ?? undefined },
      ]
    : [{ tag: null, figures: a ?? undefined }];
  return (
    <div
      className="nodrag nopan pointer-events-none absolute bottom-full left-0 mb-1 w-72 space-y-0.5 text-xs"
      data-testid="node-analytics"
      data-node={nodeId}
    >
      {lines.map(({ tag, figures }) => {
        const delivery = deliveryText(figures, t, locale);
        return (
          <p
            key={tag ?? 'only'}
            className="rounded bg-indigo-50/95 px-1.5 py-0.5 text-indigo-950 shadow-sm ring-1 ring-indigo-200"
          >
            {tag && <span className="mr-1 rounded bg-indigo-600 px-1 font-bold text-white">{tag}</span>}
            {nodeAnalyticsText(figures, t, locale)}
            {delivery && <span className="block text-indigo-800">{delivery}</span>}
          </p>
        );
      })}
    </div>
  );
}
