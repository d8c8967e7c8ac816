/**
 * A duration as people read it: `850 ms`, `12.4 s`, `3 min 5 s`, `2 h 10 min`, `3 d 4 h`. The unit
 * symbols are the same in Spanish and English; the number follows the locale (`12,4 s`).
 */
export function formatDuration(ms: number, locale: string): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const seconds = ms / 1000;
  if (seconds < 60)
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: seconds < 10 ? 2 : 1 }).format(seconds)} s`;
  const total = Math.floor(seconds);
  const units: [string, number][] = [
    ['d', Math.floor(total / 86400)],
    ['h', Math.floor(total / 3600) % 24],
    ['min', Math.floor(total / 60) % 60],
    ['s', total % 60],
  ];
  const first = units.findIndex(([, n]) => n > 0);
  return units
    .slice(first, first + 2)
    .filter(([, n]) => n > 0)
    .map(([unit, n]) => `${n} ${unit}`)
    .join(' ');
}

/** Milliseconds from `start` to `end` (or to `now` while it goes on); null when a time is missing. */
export function elapsedMs(start: string, end: string | null, now: number): number | null {
  const from = Date.parse(start);
  const to = end ? Date.parse(end) : now;
  return Number.isNaN(from) || Number.isNaN(to) ? null : Math.max(0, to - from);
}
