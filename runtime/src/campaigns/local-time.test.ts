import { describe, expect, it } from 'vitest';
import { inQuietHours, localInstant, nextLocalTime, pastQuietHours, validZone } from './local-time.ts';

describe('local time in a zone', () => {
  it('finds 09:00 in Lima and in Madrid (summer and winter)', () => {
    expect(localInstant('2026-12-07', '09:00', 'America/Lima').toISOString()).toBe(
      '2026-12-07T14:00:00.000Z',
    );
    expect(localInstant('2026-12-07', '09:00', 'Europe/Madrid').toISOString()).toBe(
      '2026-12-07T08:00:00.000Z',
    );
    expect(localInstant('2026-07-07', '09:00', 'Europe/Madrid').toISOString()).toBe(
      '2026-07-07T07:00:00.000Z',
    );
  });

  it('takes the next 09:00: today when still ahead, else tomorrow', () => {
    const now = new Date('2026-12-07T10:00:00Z'); // 05:00 in Lima, 11:00 in Madrid
    expect(nextLocalTime(now, '09:00', 'America/Lima').toISOString()).toBe('2026-12-07T14:00:00.000Z');
    expect(nextLocalTime(now, '09:00', 'Europe/Madrid').toISOString()).toBe('2026-12-08T08:00:00.000Z');
  });

  it('crosses a DST change (Madrid, last Sunday of March)', () => {
    const now = new Date('2026-03-28T12:00:00Z');
    expect(nextLocalTime(now, '09:00', 'Europe/Madrid').toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });

  it('defers quiet hours that wrap midnight to their end', () => {
    const quiet = { from: '21:00', to: '08:00' };
    const lateEvening = new Date('2026-12-07T22:30:00Z'); // 23:30 Madrid
    expect(inQuietHours(lateEvening, 'Europe/Madrid', quiet)).toBe(true);
    expect(pastQuietHours(lateEvening, 'Europe/Madrid', quiet).toISOString()).toBe(
      '2026-12-08T07:00:00.000Z',
    );
    const earlyMorning = new Date('2026-12-08T05:00:00Z'); // 06:00 Madrid
    expect(pastQuietHours(earlyMorning, 'Europe/Madrid', quiet).toISOString()).toBe(
      '2026-12-08T07:00:00.000Z',
    );
    const noon = new Date('2026-12-08T11:00:00Z');
    expect(pastQuietHours(noon, 'Europe/Madrid', quiet)).toBe(noon);
  });

  it('defers quiet hours within a day (13:00–15:00)', () => {
    const quiet = { from: '13:00', to: '15:00' };
    const lunch = new Date('2026-12-07T18:30:00Z'); // 13:30 Lima
    expect(pastQuietHours(lunch, 'America/Lima', quiet).toISOString()).toBe('2026-12-07T20:00:00.000Z');
  });

  it('falls back on a zone Intl does not know', () => {
    expect(validZone('Mars/Olympus', 'UTC')).toBe('UTC');
    expect(validZone(null, 'Europe/Madrid')).toBe('Europe/Madrid');
    expect(validZone('America/Lima', 'UTC')).toBe('America/Lima');
  });
});
