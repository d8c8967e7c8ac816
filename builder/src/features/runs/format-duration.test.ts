import { describe, expect, it } from 'vitest';
import { elapsedMs, formatDuration } from './format-duration.ts';

describe('formatDuration', () => {
  it('picks the unit a person would use', () => {
    expect(formatDuration(0, 'en')).toBe('0 ms');
    expect(formatDuration(850, 'en')).toBe('850 ms');
    expect(formatDuration(1234, 'en')).toBe('1.23 s');
    expect(formatDuration(12_400, 'en')).toBe('12.4 s');
    expect(formatDuration(185_000, 'en')).toBe('3 min 5 s');
    expect(formatDuration(2 * 3600_000 + 10 * 60_000 + 7000, 'en')).toBe('2 h 10 min');
    expect(formatDuration(3 * 86400_000 + 4 * 3600_000, 'en')).toBe('3 d 4 h');
    expect(formatDuration(3600_000, 'en')).toBe('1 h');
  });

  it('writes decimals the Spanish way in Spanish', () => {
    expect(formatDuration(12_400, 'es')).toBe('12,4 s');
  });
});

describe('elapsedMs', () => {
  it('measures to the end, or to now while the run goes on', () => {
    expect(elapsedMs('2025-01-01T00:00:00Z', '2025-01-01T00:00:02.5Z', 0)).toBe(2500);
    expect(elapsedMs('2025-01-01T00:00:00Z', null, Date.parse('2025-01-01T00:01:00Z'))).toBe(60_000);
    expect(elapsedMs('not a date', null, 0)).toBeNull();
  });
});
