import { describe, expect, it } from 'vitest';
import { formatBytes, parseQuota, quotaInUnit } from './format-bytes.ts';

describe('formatBytes', () => {
  it('uses decimal units and the locale’s decimal mark', () => {
    expect(formatBytes(812, 'en')).toBe('812 B');
    expect(formatBytes(1_500_000, 'en')).toBe('1.5 MB');
    expect(formatBytes(1_500_000, 'es')).toBe('1,5 MB');
    expect(formatBytes(250_000_000_000, 'en')).toBe('250 GB');
  });
});

describe('parseQuota', () => {
  it('reads a number of MB, GB or TB, with a comma or a point', () => {
    expect(parseQuota('250', 'GB')).toBe(250_000_000_000);
    expect(parseQuota('0,5', 'MB')).toBe(500_000);
    expect(parseQuota('1.25', 'TB')).toBe(1_250_000_000_000);
  });
  it('refuses what is not a size', () => {
    expect(parseQuota('', 'GB')).toBeNull();
    expect(parseQuota('-1', 'GB')).toBeNull();
    expect(parseQuota('lots', 'GB')).toBeNull();
    expect(parseQuota('1e3', 'GB')).toBeNull();
    expect(parseQuota('99999999999', 'TB')).toBeNull();
  });
  it('shows a quota back in the largest unit', () => {
    expect(quotaInUnit(250_000_000_000)).toEqual({ value: '250', unit: 'GB' });
    expect(quotaInUnit(200_000)).toEqual({ value: '0.2', unit: 'MB' });
  });
});
