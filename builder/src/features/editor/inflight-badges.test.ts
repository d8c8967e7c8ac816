import { describe, expect, it } from 'vitest';
import type { InflightCounts } from '../../api/types.ts';
import { inflightBadges } from './inflight-badges.ts';

const inflight: InflightCounts = {
  total: 9,
  byNode: { ask: 5, menu: 2, removed: 2 },
  byVersion: [
    { version: 1, total: 4, byNode: { ask: 2, removed: 2 } },
    { version: 2, total: 5, byNode: { ask: 3, menu: 2 } },
  ],
};

describe('inflightBadges', () => {
  it('badges the draft’s nodes with every version’s runs, counting runs at removed nodes apart', () => {
    expect(inflightBadges(inflight, null, ['start', 'ask', 'menu'])).toEqual({
      badges: { ask: 5, menu: 2 },
      elsewhere: 2,
      total: 9,
    });
  });

  it('shows only the runs of the version being viewed', () => {
    expect(inflightBadges(inflight, 1, ['ask', 'removed'])).toEqual({
      badges: { ask: 2, removed: 2 },
      elsewhere: 0,
      total: 4,
    });
    expect(inflightBadges(inflight, 7, ['ask'])).toEqual({ badges: {}, elsewhere: 0, total: 0 });
  });

  it('draws nothing before the counts arrive, or for nodes with no runs', () => {
    expect(inflightBadges(undefined, null, ['ask'])).toEqual({ badges: {}, elsewhere: 0, total: 0 });
    const zero = { total: 0, byNode: { ask: 0 }, byVersion: [] };
    expect(inflightBadges(zero, null, ['ask']).badges).toEqual({});
  });
});
