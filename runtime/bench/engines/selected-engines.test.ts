import { describe, expect, it } from 'vitest';
import { selectedEngines } from './engines-benchmark.ts';

describe('BENCH_ENGINES', () => {
  it('runs every setup when unset or blank', () => {
    for (const value of [undefined, '', ' , ']) {
      const selected = selectedEngines(value);
      expect(['baseline', 'n8n-default', 'omniflow-dev'].every(selected)).toBe(true);
    }
  });

  it('runs only the named setups, spaces ignored', () => {
    const selected = selectedEngines('omniflow-dev, omniflow-temporal');
    expect(selected('omniflow-dev')).toBe(true);
    expect(selected('omniflow-temporal')).toBe(true);
    expect(selected('n8n-default')).toBe(false);
    expect(selected('baseline')).toBe(false);
  });
});
