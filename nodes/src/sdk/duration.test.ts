import { describe, expect, it } from 'vitest';
import { durationSchema, parseDuration } from './duration.ts';

describe('parseDuration', () => {
  it.each([
    ['PT2H', 2 * 3_600_000],
    ['P3D', 3 * 86_400_000],
    ['PT0.5S', 500],
    ['P1W', 7 * 86_400_000],
    ['PT30S', 30_000],
    ['PT15M', 15 * 60_000],
    ['P1DT2H30M', 86_400_000 + 2 * 3_600_000 + 30 * 60_000],
    ['P2W1D', 15 * 86_400_000],
    ['PT1.25S', 1250],
  ])('reads %s as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    ['P1M', 'months depend on the calendar'],
    ['P1Y', 'years depend on the calendar'],
    ['', 'empty'],
    ['P', 'no component'],
    ['PT', 'time designator without a component'],
    ['P1DT', 'trailing time designator'],
    ['PT2', 'number without a unit'],
    ['2H', 'missing P'],
    ['pt2h', 'lowercase'],
    ['PT-5S', 'negative'],
    ['PT1.5M', 'fractional minutes'],
    ['P3D ', 'trailing space'],
  ])('rejects %j (%s)', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('durationSchema', () => {
  it('accepts an ISO-8601 duration and keeps the text', () => {
    expect(durationSchema.parse('PT2H')).toBe('PT2H');
  });

  it('rejects P1M with a message that shows valid examples', () => {
    const result = durationSchema.safeParse('P1M');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/ISO-8601 duration.*P3D/);
  });

  it('rejects a non-string', () => {
    expect(durationSchema.safeParse(3600).success).toBe(false);
  });
});
