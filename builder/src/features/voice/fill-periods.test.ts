import { describe, expect, it } from 'vitest';
import { fillPeriods } from './fill-periods.ts';

const item = (period: string, total: number) => ({ period, total, answered: total, abandoned: 0 });

describe('fillPeriods', () => {
  it('adds the days without calls as empty bars, across a month end', () => {
    const filled = fillPeriods([item('2030-01-30', 2), item('2030-02-02', 1)], 'day');
    expect(filled.map((i) => [i.period, i.total])).toEqual([
      ['2030-01-30', 2],
      ['2030-01-31', 0],
      ['2030-02-01', 0],
      ['2030-02-02', 1],
    ]);
  });
  it('adds the quiet hours', () => {
    const filled = fillPeriods([item('2030-01-01T22:00', 1), item('2030-01-02T01:00', 3)], 'hour');
    expect(filled.map((i) => i.period)).toEqual([
      '2030-01-01T22:00',
      '2030-01-01T23:00',
      '2030-01-02T00:00',
      '2030-01-02T01:00',
    ]);
  });
  it('leaves nothing, or too long a range, as it is', () => {
    expect(fillPeriods([], 'day')).toEqual([]);
    const far = [item('2000-01-01', 1), item('2030-01-01', 1)];
    expect(fillPeriods(far, 'day')).toEqual(far);
  });
});
