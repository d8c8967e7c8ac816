import { describe, expect, it } from 'vitest';
import type { QuotaGate } from '../quotas/quota-gate.ts';
import { quotaBeforeChunk } from './campaign-quota.ts';

/** A bag of `left` units, as the gate's reserve/release see it. */
function bag(left: number) {
  const state = { left, released: 0 };
  const gate: Pick<QuotaGate, 'reserve' | 'release'> = {
    async reserve(_workspace, _channel, count) {
      const granted = Math.max(0, Math.min(count, state.left));
      state.left -= granted;
      return { granted, status: undefined };
    },
    async release(_workspace, _channel, units) {
      state.left += units;
      state.released += units;
    },
  };
  return { state, gate };
}

const chunk = (units: number[]) => ({
  workspaceId: 'w',
  campaignId: 'c',
  channel: 'sms',
  count: units.length,
  units,
});

describe('a campaign chunk against the bag', () => {
  it('lets through the sends that fit, in order, counting a long SMS by its parts', async () => {
    const { state, gate } = bag(5);
    expect(await quotaBeforeChunk(gate)(chunk([1, 2, 1, 3, 1]))).toBe(3);
    // The unit left over (the 4th send needs 3) goes back to the bag.
    expect(state).toEqual({ left: 1, released: 1 });
  });

  it('lets nothing through once the bag is used up', async () => {
    const { gate } = bag(0);
    expect(await quotaBeforeChunk(gate)(chunk([1, 1]))).toBe(0);
  });
});
