// When a recurring campaign's occurrences are due: the same wall-clock time in the workspace's zone
// every day, week or month (09:00 stays 09:00 across a change to summer time).
import type { CampaignSchedule } from '@omniflow/db';
import { localInstant } from './local-time.ts';

export type Recurrence = NonNullable<CampaignSchedule['recurrence']>;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** The local date (YYYY-MM-DD) and time (HH:MM) of `instant` in `zone`. */
export function localParts(instant: Date, zone: string): { date: string; time: string } {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    partsFormatters.set(zone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(instant)) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** The `n`th date after `date` by the recurrence; a monthly day past the month's end is its last day. */
export function addPeriods(date: string, recurrence: Recurrence, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (recurrence !== 'monthly') {
    const days = n * (recurrence === 'weekly' ? 7 : 1);
    return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
  }
  const lastDay = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + n, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/**
 * The date of the series' next occurrence: the first of anchor, anchor + 1 period, … that is
 * after `after` (the previous occurrence's date) and whose `time` in `zone` has not passed `now`.
 * Occurrences missed while nothing ran (a worker down for days) are skipped, not sent in a burst.
 */
export function nextOccurrenceDate(options: {
  anchor: string;
  time: string;
  recurrence: Recurrence;
  zone: string;
  now: Date;
  after?: string;
  /** The first occurrence goes even when its minute just passed (a series started "now" or "at"). */
  firstMayBePast?: boolean;
}): string {
  for (let n = 0; ; n++) {
    const date = addPeriods(options.anchor, options.recurrence, n);
    if (options.after && date <= options.after) continue;
    if (
      (!options.after && options.firstMayBePast) ||
      localInstant(date, options.time, options.zone) > options.now
    )
      return date;
  }
}
