import { formatDuration } from '../runs/format-duration.ts';

/** A count as the reader writes it: `1.234` in Spanish, `1,234` in English (grouped from 1,000). */
export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale, { useGrouping: 'always' }).format(n);
}

/** Seconds spent in a node, in words: `8 s`, `1 min 5 s`, `850 ms`. */
export function formatSeconds(seconds: number, locale: string): string {
  // Whole seconds read best past ten; below, one decimal says whether a prompt is 2 or 2,5 s.
  const rounded = seconds >= 10 ? Math.round(seconds) : Math.round(seconds * 10) / 10;
  return formatDuration(rounded * 1000, locale);
}

/** A share as a percentage in the reader's language (`35 %` / `35%`). */
export function formatPercent(part: number, whole: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    whole > 0 ? part / whole : 0,
  );
}
