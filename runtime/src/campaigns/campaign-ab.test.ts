import { describe, expect, it } from 'vitest';
import type { CampaignVariant } from '@omniflow/db';
import { holdsRest, inAbTest, pickWinner } from './campaign-ab.ts';
import { variantFor } from './campaign-targeting.ts';

const variant = (key: string, sent: number, hits: number): CampaignVariant => ({
  key,
  share: 50,
  content: { text: key },
  testResult: { sent, hits, rate: sent > 0 ? hits / sent : 0 },
});

describe('pickWinner', () => {
  it('picks the best rate, not the most hits', () => {
    expect(pickWinner([variant('A', 100, 30), variant('B', 40, 20)])).toEqual({
      winner: 'B',
      decision: 'rate',
    });
  });

  it('gives a tie to the first of the tied, in the variants’ order, and says it was a tie', () => {
    expect(pickWinner([variant('A', 10, 1), variant('B', 10, 5), variant('C', 20, 10)])).toEqual({
      winner: 'B',
      decision: 'tie',
    });
  });

  it('picks the first variant when nothing was sent in the test, and says there was no data', () => {
    expect(pickWinner([variant('A', 0, 0), variant('B', 0, 0)])).toEqual({
      winner: 'A',
      decision: 'no_data',
    });
  });

  it('leaves out a variant nothing was sent for, even when the others have a rate of 0', () => {
    expect(pickWinner([variant('A', 0, 0), variant('B', 10, 0)])).toEqual({ winner: 'B', decision: 'rate' });
  });
});

describe('who is in the test', () => {
  const ids = Array.from(
    { length: 4000 },
    (_, i) => `0190b3c4-0000-7000-8000-${String(i).padStart(12, '0')}`,
  );

  it('puts about the test share of people in the test, the same ones every time', () => {
    const tested = ids.filter((id) => inAbTest(id, 20));
    expect(tested.length / ids.length).toBeGreaterThan(0.17);
    expect(tested.length / ids.length).toBeLessThan(0.23);
    expect(ids.filter((id) => inAbTest(id, 20))).toEqual(tested);
  });

  it('splits the tested ones between the variants by their shares, independently of being tested', () => {
    const variants = [
      { key: 'A', share: 70, content: {} },
      { key: 'B', share: 30, content: {} },
    ];
    const tested = ids.filter((id) => inAbTest(id, 50));
    const b = tested.filter((id) => variantFor(variants, id) === 'B').length / tested.length;
    expect(b).toBeGreaterThan(0.26);
    expect(b).toBeLessThan(0.34);
  });

  it('holds a rest only for a test with a metric, two variants and less than the whole audience', () => {
    const two = [variant('A', 0, 0), variant('B', 0, 0)];
    expect(holdsRest({ abMetric: 'open', abTestShare: 20, abWinner: null, variants: two })).toBe(true);
    expect(holdsRest({ abMetric: 'open', abTestShare: 100, abWinner: null, variants: two })).toBe(false);
    expect(holdsRest({ abMetric: null, abTestShare: 20, abWinner: null, variants: two })).toBe(false);
    expect(holdsRest({ abMetric: 'open', abTestShare: 20, abWinner: null, variants: two.slice(0, 1) })).toBe(
      false,
    );
  });
});
