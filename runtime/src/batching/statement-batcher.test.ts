import { describe, expect, it } from 'vitest';
import { statementBatcher } from './statement-batcher.ts';

describe('statementBatcher', () => {
  it('runs calls made together as one batch, and later calls as the next', async () => {
    const batches: number[][] = [];
    const double = statementBatcher(async (items: number[]) => {
      batches.push(items);
      return items.map((n) => n * 2);
    });
    expect(await Promise.all([1, 2, 3].map(double))).toEqual([2, 4, 6]);
    expect(await double(4)).toBe(8);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('fails only the item a batch could not take, each of the others answered alone', async () => {
    const seen: number[][] = [];
    const write = statementBatcher(async (items: number[]) => {
      seen.push(items);
      if (items.includes(13)) throw new Error('row 13 refused');
      return items;
    });
    const results = await Promise.allSettled([12, 13, 14].map(write));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('row 13 refused');
    expect(seen).toEqual([[12, 13, 14], [12], [13], [14]]);
  });

  it('splits a long queue into batches of at most the given size', async () => {
    const sizes: number[] = [];
    const echo = statementBatcher(async (items: number[]) => {
      sizes.push(items.length);
      return items;
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map(echo));
    expect(sizes).toEqual([2, 2, 1]);
  });
});
