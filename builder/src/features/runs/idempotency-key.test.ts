import { describe, expect, it } from 'vitest';
import { newIdempotencyKey } from './idempotency-key.ts';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newIdempotencyKey', () => {
  it('uses crypto.randomUUID where the page has it', () => {
    expect(newIdempotencyKey({ randomUUID: () => 'from-random-uuid', getRandomValues: (a) => a })).toBe(
      'from-random-uuid',
    );
  });

  it('builds a valid, fresh UUID v4 where randomUUID is missing (plain HTTP)', () => {
    const source = { getRandomValues: (a: Uint8Array<ArrayBuffer>) => crypto.getRandomValues(a) };
    const first = newIdempotencyKey(source);
    expect(first).toMatch(uuidV4);
    expect(newIdempotencyKey(source)).not.toBe(first);
    const ones = { getRandomValues: (a: Uint8Array<ArrayBuffer>) => a.fill(255) };
    expect(newIdempotencyKey(ones)).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });
});
