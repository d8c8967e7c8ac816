import { describe, expect, it } from 'vitest';
import { IdempotentSends } from './idempotent-sends.ts';

describe('IdempotentSends', () => {
  it('runs a key once, shares it between concurrent callers, and forgets failures', async () => {
    const sends = new IdempotentSends<number>();
    let calls = 0;
    const send = () => Promise.resolve(++calls);
    expect(await Promise.all([sends.run('a', send), sends.run('a', send)])).toEqual([1, 1]);
    await expect(sends.run('b', () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(await sends.run('b', send)).toBe(2);
  });

  it('forgets the oldest key beyond its capacity', async () => {
    const sends = new IdempotentSends<string>(2);
    for (const key of ['a', 'b', 'c']) await sends.run(key, () => Promise.resolve(`first ${key}`));
    expect(await sends.run('c', () => Promise.resolve('again'))).toBe('first c');
    expect(await sends.run('a', () => Promise.resolve('again'))).toBe('again');
  });
});
