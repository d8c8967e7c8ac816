import { z } from 'zod';

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export const openRangeSchema = z
  .object({
    open: z
      .string()
      .regex(hhmm, 'Write the opening time as HH:MM (09:00)')
      .meta({ ui: { label: { en: 'Opens', es: 'Abre' } } }),
    close: z
      .string()
      .regex(hhmm, 'Write the closing time as HH:MM (18:00, or 24:00 for midnight)')
      .meta({ ui: { label: { en: 'Closes', es: 'Cierra' } } }),
  })
  .refine((r) => minutesOf(r.close) > minutesOf(r.open), {
    message: 'A range closes after it opens; split one past midnight in two (22:00–24:00, 00:00–02:00)',
  });

export const holidaySchema = z.object({
  date: z.iso
    .date({ message: 'Write a holiday as YYYY-MM-DD' })
    .meta({ ui: { label: { en: 'Date', es: 'Fecha' } } }),
  /** Every year on the same month and day (1 January), not only in the year written. */
  yearly: z
    .boolean()
    .default(false)
    .meta({ ui: { label: { en: 'Every year', es: 'Todos los años' } } }),
  name: z
    .string()
    .default('')
    .meta({ ui: { label: { en: 'Name', es: 'Nombre' } } }),
});

export type OpenRange = z.infer<typeof openRangeSchema>;
export type Holiday = z.infer<typeof holidaySchema>;

export interface BusinessHours {
  timezone: string;
  schedule: Partial<Record<Weekday, OpenRange[]>>;
  holidays: Holiday[];
}

export interface BusinessHoursDecision {
  open: boolean;
  /** The wall-clock time in the schedule's timezone, `YYYY-MM-DDTHH:MM`. */
  localTime: string;
  weekday: Weekday;
  /** The holiday that closed it, when one did. */
  holiday?: string;
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();
function formatOf(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/**
 * Whether the schedule is open at `instant`. Ranges are wall-clock times in the schedule's
 * timezone (IANA tz database through Intl), so 09:00 stays 09:00 across a DST change; a holiday
 * is a local date and closes the whole day.
 */
export function decideBusinessHours(hours: BusinessHours, instant: Date): BusinessHoursDecision {
  const parts = Object.fromEntries(
    formatOf(hours.timezone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const weekday = weekdays.find((day) => day === String(parts.weekday).toLowerCase());
  if (!weekday) throw new Error(`Unexpected weekday "${parts.weekday}" from Intl`);
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const localTime = `${date}T${parts.hour}:${parts.minute}`;
  const holiday = hours.holidays.find(
    (h) => h.date === date || (h.yearly && h.date.slice(5) === date.slice(5)),
  );
  if (holiday) return { open: false, localTime, weekday, holiday: holiday.name || holiday.date };
  const minute = minutesOf(`${parts.hour}:${parts.minute}`);
  const open = (hours.schedule[weekday] ?? []).some(
    (r) => minute >= minutesOf(r.open) && minute < minutesOf(r.close),
  );
  return { open, localTime, weekday };
}
