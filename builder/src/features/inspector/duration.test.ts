import { describe, expect, it } from 'vitest';
import { describeDuration, parseIsoDuration } from './duration.ts';

const say = (text: string, locale: 'en' | 'es') => {
  const parts = parseIsoDuration(text);
  return parts && describeDuration(parts, locale);
};

describe('ISO-8601 durations', () => {
  it('accepts weeks, days, hours, minutes and (fractional) seconds', () => {
    expect(parseIsoDuration('P1W2DT3H4M5.5S')).toEqual({
      weeks: 1,
      days: 2,
      hours: 3,
      minutes: 4,
      seconds: 5.5,
    });
    expect(parseIsoDuration('PT30S')).toEqual({ weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 30 });
  });

  it('rejects what the nodes reject', () => {
    for (const text of ['', 'P', 'PT', 'P1DT', '2h', 'PT2h', 'P1M', 'P1Y', 'PT-1S', 'PT1.S', ' PT1H']) {
      expect(parseIsoDuration(text), text).toBeUndefined();
    }
  });

  it('says a duration in English and Spanish', () => {
    expect(say('PT2H', 'en')).toBe('2 hours');
    expect(say('PT2H', 'es')).toBe('2 horas');
    expect(say('P1DT30M', 'en')).toBe('1 day and 30 minutes');
    expect(say('P1W3DT1H', 'es')).toBe('1 semana, 3 días y 1 hora');
    expect(say('PT1.5S', 'es')).toBe('1,5 segundos');
    expect(say('PT0S', 'en')).toBe('0 seconds');
  });
});
