import type { MessageKey } from '../../i18n/catalog.ts';

/** How long ago, as a person says it: "12 s ago", "3 min ago", "2 h ago", "4 days ago". */
export function timeAgo(
  at: string,
  now: number,
  t: (key: MessageKey, values: Record<string, number>) => string,
): string {
  const seconds = Math.max(0, Math.round((now - new Date(at).getTime()) / 1000));
  if (seconds < 120) return t('dashboard.ago.seconds', { n: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return t('dashboard.ago.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('dashboard.ago.hours', { n: hours });
  return t('dashboard.ago.days', { n: Math.floor(hours / 24) });
}
