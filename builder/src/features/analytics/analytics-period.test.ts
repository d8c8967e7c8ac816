import { describe, expect, it } from 'vitest';
import { periodRange } from './analytics-period.ts';

describe('the analytics period', () => {
  const now = new Date('2026-05-10T12:00:00Z');

  it('slides a preset back from now', () => {
    expect(periodRange({ preset: '7', fromDate: '', toDate: '' }, now)).toEqual({
      from: '2026-05-03T12:00:00.000Z',
      to: '2026-05-10T12:00:00.000Z',
    });
  });

  it('takes custom dates whole, the last day included', () => {
    const range = periodRange({ preset: 'custom', fromDate: '2026-05-01', toDate: '2026-05-01' }, now)!;
    expect(Date.parse(range.to) - Date.parse(range.from)).toBe(86_400_000);
    expect(new Date(range.from).getDate()).toBe(1);
  });

  it('refuses missing or backwards dates', () => {
    expect(periodRange({ preset: 'custom', fromDate: '', toDate: '2026-05-01' }, now)).toBeUndefined();
    expect(
      periodRange({ preset: 'custom', fromDate: '2026-05-03', toDate: '2026-05-01' }, now),
    ).toBeUndefined();
  });
});
