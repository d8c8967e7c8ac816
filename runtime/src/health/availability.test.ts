import { describe, expect, it } from 'vitest';
import { availabilityOf, type AvailabilitySample } from './availability.ts';

const s = 1_000;
const period = 30 * s;
/** Samples every 30 s from `from` to `to` (exclusive), down where `down(t)` says. */
function every30s(from: number, to: number, down: (t: number) => string | null = () => null) {
  const samples: AvailabilitySample[] = [];
  for (let t = from; t < to; t += period) {
    const error = down(t);
    samples.push({ at: t, intervalMs: period, up: error === null, lastError: error });
  }
  return samples;
}

const day = 24 * 3600 * s;

describe('availability from health samples', () => {
  it('a day with one 30-minute outage is 97.9166… % up, the outage listed with its error', () => {
    const outageStart = 10 * 3600 * s;
    const outageEnd = outageStart + 30 * 60 * s;
    const samples = every30s(0, day, (t) => (t >= outageStart && t < outageEnd ? 'bind refused' : null));
    const result = availabilityOf(samples, { from: 0, to: day, now: day, firstSampleAt: 0 });
    expect(result.measuredMs).toBe(day);
    expect(result.upMs).toBe(day - 30 * 60 * s);
    expect(result.uptime).toBeCloseTo(1 - 1800 / 86400, 12);
    expect(result.outages).toEqual([
      { start: outageStart, end: outageEnd, lastError: 'bind refused', unsampled: false },
    ]);
  });

  it('counts time with no sample as down: the process was not running', () => {
    // Samples stop at 12:00 and start again at 12:10 (ten minutes of nothing).
    const stop = 12 * 3600 * s;
    const restart = stop + 10 * 60 * s;
    const samples = [...every30s(0, stop), ...every30s(restart, day)];
    const result = availabilityOf(samples, { from: 0, to: day, now: day, firstSampleAt: 0 });
    expect(result.upMs).toBe(day - 600 * s);
    expect(result.outages).toEqual([{ start: stop, end: restart, lastError: null, unsampled: true }]);
  });

  it('a late tick (within two periods) is not an outage; one later than that is', () => {
    const samples: AvailabilitySample[] = [
      { at: 0, intervalMs: period, up: true, lastError: null },
      { at: 55 * s, intervalMs: period, up: true, lastError: null }, // 25 s late: still covered
      { at: 200 * s, intervalMs: period, up: true, lastError: null }, // 145 s after: 115 s uncovered
    ];
    const result = availabilityOf(samples, { from: 0, to: 230 * s, now: 230 * s, firstSampleAt: 0 });
    expect(result.outages).toEqual([{ start: 85 * s, end: 200 * s, lastError: null, unsampled: true }]);
    expect(result.upMs).toBe(230 * s - 115 * s);
  });

  it('does not count time before the component existed, nor after now', () => {
    const created = 6 * 3600 * s;
    const now = 18 * 3600 * s;
    const samples = every30s(created, now);
    const result = availabilityOf(samples, { from: 0, to: day, now, firstSampleAt: created });
    expect(result.measuredMs).toBe(12 * 3600 * s);
    expect(result.uptime).toBe(1);
  });

  it('a sample before the period stands for the start of it; an outage across the end is cut there', () => {
    const samples = [
      { at: -10 * s, intervalMs: period, up: false, lastError: 'connection refused' },
      { at: 20 * s, intervalMs: period, up: true, lastError: null },
      { at: 50 * s, intervalMs: period, up: false, lastError: 'timeout' },
    ];
    const result = availabilityOf(samples, { from: 0, to: 60 * s, now: 99 * s, firstSampleAt: -10 * s });
    expect(result.upMs).toBe(30 * s);
    expect(result.outages).toEqual([
      { start: 0, end: 20 * s, lastError: 'connection refused', unsampled: false },
      { start: 50 * s, end: 60 * s, lastError: 'timeout', unsampled: false },
    ]);
  });

  it('measures nothing for a component with no sample ever, or a period in the future', () => {
    expect(availabilityOf([], { from: 0, to: day, now: day, firstSampleAt: null }).uptime).toBeNull();
    expect(availabilityOf([], { from: day, to: 2 * day, now: day, firstSampleAt: 0 }).uptime).toBeNull();
  });
});
