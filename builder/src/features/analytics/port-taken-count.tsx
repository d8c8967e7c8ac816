import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { formatCount } from './analytics-format.ts';
import { useAnalyticsStore } from './analytics-store.ts';
import { nodeFigures } from './analytics-view.ts';

const takenOf = (figures: Parameters<typeof nodeFigures>[0], nodeId: string, port: string) =>
  nodeFigures(figures, nodeId)?.ports.find((p) => p.port === port)?.count ?? 0;

/**
 * How many times runs left by this port (a menu's option chosen, a branch taken), on the port's
 * own row in analytics mode; "A | B" when comparing versions. Nothing outside analytics mode.
 */
export function PortTakenCount({ nodeId, port }: { nodeId: string; port: string }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const a = useAnalyticsStore((s) => (s.overlay ? takenOf(s.overlay.a, nodeId, port) : null));
  const b = useAnalyticsStore((s) => (s.overlay?.b ? takenOf(s.overlay.b, nodeId, port) : null));
  if (a === null) return null;
  const said = (count: number) =>
    t(count === 1 ? 'analytics.portTaken.one' : 'analytics.portTaken.other', {
      count: formatCount(count, locale),
    });
  return (
    <span
      className="shrink-0 rounded-full bg-indigo-100 px-1.5 font-semibold text-indigo-900 tabular-nums"
      title={b === null ? said(a) : `A: ${said(a)} · B: ${said(b)}`}
      data-testid="port-count"
      data-port={port}
    >
      {b === null ? formatCount(a, locale) : `${formatCount(a, locale)} | ${formatCount(b, locale)}`}
    </span>
  );
}
