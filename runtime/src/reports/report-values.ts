import type { ReportCell, ReportCellType, ReportDocument, ReportLanguage } from './report-document.ts';

const locale = (language: ReportLanguage) => (language === 'es' ? 'es-ES' : 'en-US');

// Building an Intl formatter costs far more than using one: a 10,000-row table reuses them.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter as T;
}
const numberFormat = (language: ReportLanguage, options: Intl.NumberFormatOptions) =>
  cached(`n|${language}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale(language), options));
const dateFormat = (localeName: string, options: Intl.DateTimeFormatOptions) =>
  cached(`d|${localeName}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(localeName, options));

/** The wall-clock parts of an instant in a timezone, so a spreadsheet shows the report's local time. */
export function wallClock(instant: Date, timezone: string) {
  const parts = dateFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

/** `2026-12-07` of an instant in a timezone, for file names. */
export function localDate(instant: string, timezone: string): string {
  const { year, month, day } = wallClock(new Date(instant), timezone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** When the document was computed, as a person of its language reads it, in its timezone. */
export function generatedAtText(doc: ReportDocument): string {
  return new Intl.DateTimeFormat(locale(doc.language), {
    timeZone: doc.timezone,
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(doc.generatedAt));
}

/** Seconds as `h:mm:ss` (hours not wrapped at 24, like Excel's `[h]:mm:ss`). */
export function durationText(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  const total = Math.round(Math.abs(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${sign}${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** A cell as text in the reader's language: what the PDF prints. */
export function cellText(
  value: ReportCell | undefined,
  type: ReportCellType,
  language: ReportLanguage,
  timezone: string,
): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && type !== 'datetime' && type !== 'date') return value;
  const number = typeof value === 'number' ? value : Number(value);
  switch (type) {
    case 'integer':
      return numberFormat(language, { maximumFractionDigits: 0 }).format(number);
    case 'number':
      return numberFormat(language, { maximumFractionDigits: 2 }).format(number);
    case 'percent':
      return numberFormat(language, {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(number);
    case 'duration':
      return durationText(number);
    case 'date': {
      // A bucket's day (`2026-12-07`) reads as the reader's short date; other labels stay as given.
      if (!/^\d{4}-\d{2}-\d{2}$/.test(String(value))) return String(value);
      return dateFormat(locale(language), { timeZone: 'UTC', dateStyle: 'short' }).format(
        new Date(`${String(value)}T00:00:00Z`),
      );
    }
    case 'datetime': {
      const instant = new Date(String(value));
      if (Number.isNaN(instant.getTime())) return String(value);
      return dateFormat(locale(language), {
        timeZone: timezone,
        dateStyle: 'short',
        timeStyle: 'short',
      }).format(instant);
    }
    default:
      return String(value);
  }
}
