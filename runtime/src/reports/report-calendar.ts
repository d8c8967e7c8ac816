import type { ReportPeriod } from '@omniflow/db';
import { wallClock } from './report-values.ts';

export type ReportFrequency = 'daily' | 'weekly' | 'monthly';

const dayMs = 86_400_000;

/** The instant a clock in `timezone` reads `year-month-day hour:00` (the earlier one at a DST fold). */
export function zonedInstant(timezone: string, year: number, month: number, day: number, hour = 0): Date {
  const wanted = Date.UTC(year, month - 1, day, hour);
  let guess = wanted;
  // Two corrections settle it: the offset at the guess, then at the corrected guess.
  for (let i = 0; i < 2; i++) {
    const c = wallClock(new Date(guess), timezone);
    const read = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
    guess += wanted - read;
  }
  return new Date(guess);
}

/** A calendar day moved by `days`, as year/month/day (UTC arithmetic on dates has no DST). */
function addDays(date: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * dayMs);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The period a report sent at `now` covers, in the workspace's zone: yesterday, the last whole
 * week (Monday to Monday) or the last whole calendar month; `from` inclusive, `to` exclusive.
 */
export function reportPeriodRange(
  period: ReportPeriod,
  now: Date,
  timezone: string,
): { from: Date; to: Date } {
  const today = wallClock(now, timezone);
  const at = (d: { year: number; month: number; day: number }) =>
    zonedInstant(timezone, d.year, d.month, d.day);
  if (period === 'yesterday') return { from: at(addDays(today, -1)), to: at(today) };
  if (period === 'last-week') {
    const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
    const monday = addDays(today, -((weekday + 6) % 7));
    return { from: at(addDays(monday, -7)), to: at(monday) };
  }
  const first = { year: today.year, month: today.month, day: 1 };
  const previous =
    today.month === 1 ? { year: today.year - 1, month: 12, day: 1 } : { ...first, month: today.month - 1 };
  return { from: at(previous), to: at(first) };
}

/** When a schedule is next due after `after`: its hour, daily, on Mondays or on the 1st. */
export function nextReportRun(frequency: ReportFrequency, hour: number, timezone: string, after: Date): Date {
  const today = wallClock(after, timezone);
  for (let offset = 0; offset <= 62; offset++) {
    const day = addDays(today, offset);
    const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
    if (frequency === 'weekly' && weekday !== 1) continue;
    if (frequency === 'monthly' && day.day !== 1) continue;
    const due = zonedInstant(timezone, day.year, day.month, day.day, hour);
    if (due.getTime() > after.getTime()) return due;
  }
  throw new Error(`No ${frequency} run found after ${after.toISOString()}`);
}
