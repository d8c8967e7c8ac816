// Wall-clock arithmetic in IANA zones with Intl only: campaigns need "09:00 where the person is"
// and "not between 21:00 and 08:00 there", nothing a date library would add.

export interface QuietHours {
  /** Local "HH:MM" when sending stops. */
  from: string;
  /** Local "HH:MM" when it may start again. */
  to: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone itself when Intl knows it, else `fallback` (a contact's field may hold anything). */
export function validZone(zone: string | null | undefined, fallback: string): string {
  if (!zone) return fallback;
  try {
    formatter(zone);
    return zone;
  } catch {
    return fallback;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  minute: number;
}

function wallClock(instant: Date, zone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(instant))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    minute: parts.hour! * 60 + parts.minute!,
  };
}

const parseMinute = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

/** The instant when the wall clock of `zone` shows that day's `minute` (a skipped minute of DST: the one after). */
function instantAt(year: number, month: number, day: number, minute: number, zone: string): Date {
  const asUtc = Date.UTC(year, month - 1, day, 0, minute);
  let guess = asUtc;
  // Two corrections settle every offset, DST transitions included.
  for (let i = 0; i < 2; i++) {
    const shown = wallClock(new Date(guess), zone);
    const shownUtc = Date.UTC(shown.year, shown.month - 1, shown.day, 0, shown.minute);
    guess += asUtc - shownUtc;
  }
  return new Date(guess);
}

/** The local date (YYYY-MM-DD) at `time` in `zone`. */
export function localInstant(date: string, time: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return instantAt(y!, m!, d!, parseMinute(time), zone);
}

/** The first instant at or after `now` when the clock in `zone` shows `time` (today or tomorrow). */
export function nextLocalTime(now: Date, time: string, zone: string): Date {
  const today = wallClock(now, zone);
  const at = instantAt(today.year, today.month, today.day, parseMinute(time), zone);
  if (at.getTime() >= now.getTime()) return at;
  return instantAt(today.year, today.month, today.day + 1, parseMinute(time), zone);
}

/** Whether `instant` falls in the quiet hours in `zone` (from..to, wrapping midnight when from > to). */
export function inQuietHours(instant: Date, zone: string, quiet: QuietHours | null | undefined): boolean {
  if (!quiet) return false;
  const from = parseMinute(quiet.from);
  const to = parseMinute(quiet.to);
  if (from === to) return false;
  const minute = wallClock(instant, zone).minute;
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** `instant`, or when it falls in the quiet hours, the next minute they end in `zone`. */
export function pastQuietHours(instant: Date, zone: string, quiet: QuietHours | null | undefined): Date {
  if (!quiet || !inQuietHours(instant, zone, quiet)) return instant;
  return nextLocalTime(instant, quiet.to, zone);
}
