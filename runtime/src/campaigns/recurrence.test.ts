import { describe, expect, it } from 'vitest';
import { localInstant } from './local-time.ts';
import { addPeriods, localParts, nextOccurrenceDate } from './recurrence.ts';

describe('recurrence dates', () => {
  it('adds days, weeks and months, a monthly 31st falling on the last day of shorter months', () => {
    expect(addPeriods('2026-12-30', 'daily', 3)).toBe('2027-01-02');
    expect(addPeriods('2026-12-30', 'weekly', 1)).toBe('2027-01-06');
    expect(addPeriods('2027-01-31', 'monthly', 1)).toBe('2027-02-28');
    expect(addPeriods('2027-01-31', 'monthly', 2)).toBe('2027-03-31');
    expect(addPeriods('2028-01-31', 'monthly', 1)).toBe('2028-02-29');
  });

  it('keeps the wall-clock time across summer time in the zone', () => {
    const before = localInstant('2027-03-27', '09:00', 'Europe/Madrid');
    const after = localInstant(addPeriods('2027-03-27', 'daily', 1), '09:00', 'Europe/Madrid');
    expect((after.getTime() - before.getTime()) / 3_600_000).toBe(23);
    expect(localParts(after, 'Europe/Madrid')).toEqual({ date: '2027-03-28', time: '09:00' });
  });

  it('takes the next date after the previous one and skips those already past', () => {
    const base = { anchor: '2027-01-01', time: '09:00', recurrence: 'daily' as const, zone: 'America/Lima' };
    expect(nextOccurrenceDate({ ...base, now: new Date('2027-01-01T15:00:00Z'), firstMayBePast: true })).toBe(
      '2027-01-01',
    );
    // A series at 09:00 in each person's zone, started at 10:00: its first day is tomorrow.
    expect(nextOccurrenceDate({ ...base, now: new Date('2027-01-01T15:00:00Z') })).toBe('2027-01-02');
    expect(nextOccurrenceDate({ ...base, now: new Date('2027-01-01T15:00:00Z'), after: '2027-01-01' })).toBe(
      '2027-01-02',
    );
    // The worker was down for three days: the missed ones are not sent in a burst.
    expect(nextOccurrenceDate({ ...base, now: new Date('2027-01-05T15:00:00Z'), after: '2027-01-01' })).toBe(
      '2027-01-06',
    );
  });
});
