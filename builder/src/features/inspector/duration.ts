import type { Locale } from '../../i18n/catalog.ts';

export interface DurationParts {
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

// ISO-8601 without years and months, the same rule as the nodes' durationSchema (their length
// depends on the calendar). "P" and "PT" match the pattern but say nothing, so they are rejected.
const isoDuration = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function parseIsoDuration(text: string): DurationParts | undefined {
  const match = isoDuration.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const [, weeks, days, hours, minutes, seconds] = match;
  return {
    weeks: Number(weeks ?? 0),
    days: Number(days ?? 0),
    hours: Number(hours ?? 0),
    minutes: Number(minutes ?? 0),
    seconds: Number(seconds ?? 0),
  };
}

const units = [
  ['weeks', 'week'],
  ['days', 'day'],
  ['hours', 'hour'],
  ['minutes', 'minute'],
  ['seconds', 'second'],
] as const;

/** "1 day and 2 hours" / "1 día y 2 horas", with the runtime's own plural and number rules. */
export function describeDuration(parts: DurationParts, locale: Locale): string {
  const format = (unit: string, amount: number) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
  const spoken = units.filter(([part]) => parts[part] > 0).map(([part, unit]) => format(unit, parts[part]));
  if (spoken.length === 0) return format('second', 0);
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(spoken);
}
