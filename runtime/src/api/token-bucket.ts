/**
 * Token buckets by name, in this process: each holds up to `capacity` requests and refills at
 * `capacity` per `windowMs`, so a client may burst a window's worth and then keeps to the rate.
 * A bucket that has refilled is the same as none, so full ones are dropped and memory stays
 * bounded by the clients of the last window.
 */
export function createTokenBuckets({
  capacity,
  windowMs = 60_000,
  now,
}: {
  capacity: number;
  windowMs?: number;
  now: () => number;
}) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = capacity / windowMs;
  let lastSweep = now();

  function sweep(at: number) {
    lastSweep = at;
    for (const [name, bucket] of buckets)
      if (bucket.tokens + (at - bucket.at) * perMs >= capacity) buckets.delete(name);
  }

  return {
    /** Takes one request from `name`'s bucket: 0 when allowed, else the ms until one is back. */
    take(name: string): number {
      const at = now();
      if (at - lastSweep > windowMs) sweep(at);
      const bucket = buckets.get(name) ?? { tokens: capacity, at };
      const tokens = Math.min(capacity, bucket.tokens + Math.max(0, at - bucket.at) * perMs);
      if (tokens < 1) {
        buckets.set(name, { tokens, at });
        return Math.ceil((1 - tokens) / perMs);
      }
      buckets.set(name, { tokens: tokens - 1, at });
      return 0;
    },
    /** How many buckets are held (tests: memory stays bounded). */
    get size() {
      return buckets.size;
    },
  };
}
