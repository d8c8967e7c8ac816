import { ApiError } from './api-error.ts';
import type { ReaderLanguage } from './reader-language.ts';
import { EARLIEST_DATE, LATEST_DATE } from '../limits/bounded-fields.ts';

const DAY_MS = 86_400_000;
/** A period longer than this is refused: a flow's analytics are read over days or months. */
export const MAX_PERIOD_DAYS = 400;
const DEFAULT_PERIOD_DAYS = 7;

const text = {
  version: {
    en: 'version must be a published version number (1, 2, …) or "all"',
    es: 'version debe ser el número de una versión publicada (1, 2, …) o "all" (todas)',
  },
  from: {
    en: 'from must be an ISO date-time such as 2026-05-01T00:00:00Z',
    es: 'from debe ser una fecha y hora ISO, como 2026-05-01T00:00:00Z',
  },
  to: {
    en: 'to must be an ISO date-time such as 2026-05-31T00:00:00Z',
    es: 'to debe ser una fecha y hora ISO, como 2026-05-31T00:00:00Z',
  },
  order: { en: 'from must be before to', es: 'from debe ser anterior a to' },
  tooLong: {
    en: `The period is too long: choose at most ${MAX_PERIOD_DAYS} days`,
    es: `El periodo es demasiado largo: elige como máximo ${MAX_PERIOD_DAYS} días`,
  },
} as const;

export interface AnalyticsFilterInput {
  version?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface AnalyticsFilters {
  version: number | undefined;
  from: string;
  to: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function instant(value: string, field: 'from' | 'to', language: ReaderLanguage): number {
  const at = ISO.test(value) ? Date.parse(value) : NaN;
  if (!Number.isFinite(at) || at < EARLIEST_DATE || at > LATEST_DATE)
    throw new ApiError(400, 'VALIDATION_FAILED', text[field][language], { field });
  return at;
}

/**
 * The filters as the query takes them, or 400 in the reader's language naming the field.
 * Defaults: the last 7 days up to `now`, every published version.
 */
export function analyticsFilters(
  input: AnalyticsFilterInput,
  language: ReaderLanguage,
  now: Date = new Date(),
): AnalyticsFilters {
  let version: number | undefined;
  if (input.version !== undefined && input.version !== '' && input.version !== 'all') {
    if (!/^[1-9]\d{0,8}$/.test(input.version))
      throw new ApiError(400, 'VALIDATION_FAILED', text.version[language], { field: 'version' });
    version = Number(input.version);
  }
  const to = input.to ? instant(input.to, 'to', language) : now.getTime();
  const from = input.from ? instant(input.from, 'from', language) : to - DEFAULT_PERIOD_DAYS * DAY_MS;
  if (from >= to) throw new ApiError(400, 'PERIOD_INVALID', text.order[language], { field: 'from' });
  if (to - from > MAX_PERIOD_DAYS * DAY_MS)
    throw new ApiError(400, 'PERIOD_TOO_LONG', text.tooLong[language], { field: 'from' });
  return { version, from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}
