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

export type DurationUnit = 'seconds' | 'minutes' | 'hours' | 'days' | 'weeks';

export const durationUnits: readonly DurationUnit[] = ['seconds', 'minutes', 'hours', 'days', 'weeks'];

const unitSeconds: Record<DurationUnit, number> = {
  seconds: 1,
  minutes: 60,
  hours: 3_600,
  days: 86_400,
  weeks: 604_800,
};

/**
 * One number and one unit for a duration, the largest unit that keeps the number whole: the picker
 * shows "90 minutes" for PT1H30M and "2 days" for P2D. Fractions of a second stay in seconds.
 */
export function durationAmount(parts: DurationParts): { amount: number; unit: DurationUnit } {
  const total =
    parts.weeks * unitSeconds.weeks +
    parts.days * unitSeconds.days +
    parts.hours * unitSeconds.hours +
    parts.minutes * unitSeconds.minutes +
    parts.seconds;
  for (const unit of [...durationUnits].reverse()) {
    const amount = total / unitSeconds[unit];
    if (total > 0 && Number.isInteger(amount)) return { amount, unit };
  }
  return { amount: total, unit: 'seconds' };
}

/**
 * The ISO-8601 text the nodes store for a number of one unit: 5 seconds → PT5S, 2 days → P2D. Only
 * seconds may have a fraction in the nodes' rule, so 1.5 minutes is stored as PT90S.
 */
export function toIsoDuration(amount: number, unit: DurationUnit): string {
  if (!Number.isInteger(amount) && unit !== 'seconds') {
    return `PT${Math.round(amount * unitSeconds[unit] * 1000) / 1000}S`;
  }
  switch (unit) {
    case 'seconds':
      return `PT${amount}S`;
    case 'minutes':
      return `PT${amount}M`;
    case 'hours':
      return `PT${amount}H`;
    case 'days':
      return `P${amount}D`;
    case 'weeks':
      return `P${amount}W`;
  }
}

/** A stored duration in words ("5 segundos"), or the text itself when it is not a duration. */
export function humanDuration(text: string, locale: Locale): string {
  const parts = parseIsoDuration(text);
  return parts ? describeDuration(parts, locale) : text;
}
