import type { NodeAnalytics } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { formatCount, formatSeconds } from './analytics-format.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;
type Counted = 'entered' | 'abandoned' | 'failedHere' | 'cancelled' | 'inProgress';

const counted = (t: Translate, what: Counted, count: number, locale: string) =>
  t(`analytics.${what}.${count === 1 ? 'one' : 'other'}`, { count: formatCount(count, locale) });

/**
 * What a node card says of its runs, in words: "1.234 entraron · 12 abandonaron · 8 s de media".
 * Drop-offs appear only when some runs dropped off there; the time only when some left.
 */
export function nodeAnalyticsText(figures: NodeAnalytics | undefined, t: Translate, locale: string): string {
  const node = figures ?? {
    entered: 0,
    abandoned: 0,
    failed: 0,
    cancelled: 0,
    inProgress: 0,
    avgSeconds: null,
  };
  const parts = [counted(t, 'entered', node.entered, locale)];
  if (node.abandoned > 0) parts.push(counted(t, 'abandoned', node.abandoned, locale));
  if (node.failed > 0) parts.push(counted(t, 'failedHere', node.failed, locale));
  if (node.cancelled > 0) parts.push(counted(t, 'cancelled', node.cancelled, locale));
  if (node.inProgress > 0) parts.push(counted(t, 'inProgress', node.inProgress, locale));
  if (node.avgSeconds !== null)
    parts.push(t('analytics.average', { time: formatSeconds(node.avgSeconds, locale) }));
  return parts.join(' · ');
}

/** What became of a sending node's messages, or null for a node that sends none. */
export function deliveryText(
  figures: NodeAnalytics | undefined,
  t: Translate,
  locale: string,
): string | null {
  const delivery = figures?.delivery;
  if (!delivery) return null;
  return t('analytics.delivery', {
    delivered: formatCount(delivery.delivered, locale),
    read: formatCount(delivery.read, locale),
    replied: formatCount(delivery.replied, locale),
  });
}
