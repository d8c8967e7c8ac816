/** One stored sample of one component, as availability needs it. */
export interface AvailabilitySample {
  at: number;
  intervalMs: number;
  up: boolean;
  lastError: string | null;
}

export interface Outage {
  start: number;
  end: number;
  /** The component's last error during the outage; null when no sample was written at all. */
  lastError: string | null;
  /** True when the outage is (partly) time with no sample: the process was not running. */
  unsampled: boolean;
}

export interface Availability {
  /** The measured span: the period, from the component's first sample ever, up to now. */
  measuredMs: number;
  upMs: number;
  /** upMs / measuredMs; null when nothing of the period could be measured. */
  uptime: number | null;
  outages: Outage[];
}

/**
 * How samples become availability (issue #17 "a missing sample period counts as down"):
 * - a sample stands for its period: from its time to the next sample's when that comes within two
 *   periods (a late tick is not an outage), else for exactly one period;
 * - time no sample stands for is down: the process that should have written one was not running;
 * - the span measured starts at the later of the period's start and the component's first sample
 *   ever (a channel saved mid-month was not down before it existed) and ends at the earlier of
 *   the period's end and now.
 * `samples` are one component's, sorted by time, including the last one before `from`.
 */
export function availabilityOf(
  samples: AvailabilitySample[],
  period: { from: number; to: number; now: number; firstSampleAt: number | null },
): Availability {
  const start = Math.max(period.from, period.firstSampleAt ?? period.to);
  const end = Math.min(period.to, period.now);
  if (end <= start) return { measuredMs: 0, upMs: 0, uptime: null, outages: [] };

  type Span = { start: number; end: number; up: boolean; lastError: string | null; unsampled: boolean };
  const spans: Span[] = [];
  let cursor = start;
  const push = (span: Span) => {
    const s = Math.max(span.start, cursor);
    const e = Math.min(span.end, end);
    if (e <= s) return;
    spans.push({ ...span, start: s, end: e });
    cursor = e;
  };
  for (let i = 0; i < samples.length; i++) {
    const sample = samples[i]!;
    if (sample.at >= end) break;
    const next = samples[i + 1]?.at;
    const until =
      next !== undefined && next - sample.at <= 2 * sample.intervalMs ? next : sample.at + sample.intervalMs;
    if (sample.at > cursor)
      push({ start: cursor, end: sample.at, up: false, lastError: null, unsampled: true });
    push({ start: sample.at, end: until, up: sample.up, lastError: sample.lastError, unsampled: false });
  }
  if (cursor < end) push({ start: cursor, end, up: false, lastError: null, unsampled: true });

  let upMs = 0;
  const outages: Outage[] = [];
  for (const span of spans) {
    if (span.up) {
      upMs += span.end - span.start;
      continue;
    }
    const open = outages.at(-1);
    if (open && open.end === span.start) {
      open.end = span.end;
      open.lastError = span.lastError ?? open.lastError;
      open.unsampled ||= span.unsampled;
    } else
      outages.push({
        start: span.start,
        end: span.end,
        lastError: span.lastError,
        unsampled: span.unsampled,
      });
  }
  const measuredMs = end - start;
  return { measuredMs, upMs, uptime: upMs / measuredMs, outages };
}
