import { z } from 'zod';

// ISO-8601 durations without years and months: their length depends on the calendar, so a
// wait of "P1M" would be ambiguous; designers write P30D instead.
const isoDuration = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Milliseconds in an ISO-8601 duration such as `PT2H` or `P3D`; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const match = isoDuration.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const [, weeks, days, hours, minutes, seconds] = match;
  const total =
    Number(weeks ?? 0) * 7 * 86_400_000 +
    Number(days ?? 0) * 86_400_000 +
    Number(hours ?? 0) * 3_600_000 +
    Number(minutes ?? 0) * 60_000 +
    Number(seconds ?? 0) * 1000;
  return Math.round(total);
}

export const durationSchema = z
  .string()
  .refine((text) => parseDuration(text) !== undefined, {
    message: 'Use an ISO-8601 duration such as PT30S, PT2H or P3D (weeks, days, hours, minutes, seconds)',
  })
  .meta({ ui: { widget: 'duration' } });
