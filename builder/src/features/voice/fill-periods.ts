import type { CallVolume } from '../../api/types.ts';

type Item = CallVolume['items'][number];

const step = { day: 86_400_000, hour: 3_600_000 } as const;
/** A year of days or a month of hours: past that the gaps are left as they are. */
const maxBars = 750;

/**
 * The API answers only periods that had calls; a chart needs the quiet ones too, as empty bars,
 * or a day without calls would vanish instead of showing as nothing. Periods are local wall-clock
 * labels, so stepping them as if they were UTC adds exactly one day or hour each time.
 */
export function fillPeriods(items: readonly Item[], bucket: CallVolume['bucket']): Item[] {
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return [];
  const parse = (period: string) => Date.parse(bucket === 'day' ? `${period}T00:00Z` : `${period}Z`);
  const start = parse(first.period);
  const end = parse(last.period);
  if (Number.isNaN(start) || Number.isNaN(end) || (end - start) / step[bucket] >= maxBars) return [...items];
  const known = new Map(items.map((i) => [i.period, i]));
  const filled: Item[] = [];
  for (let at = start; at <= end; at += step[bucket]) {
    const iso = new Date(at).toISOString();
    const period = bucket === 'day' ? iso.slice(0, 10) : `${iso.slice(0, 13)}:00`;
    filled.push(known.get(period) ?? { period, total: 0, answered: 0, abandoned: 0 });
  }
  return filled;
}
