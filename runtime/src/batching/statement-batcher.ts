/**
 * Turns a statement over many items into a call per item: calls made while a statement is
 * running (or in the same turn of the event loop) go together in the next one. At campaign
 * scale each send then costs a share of a statement instead of a round trip, and a lone call
 * waits for nothing but the I/O already queued (setImmediate, no timer).
 *
 * `run` answers one result per item, in order. When a statement over several items fails, each
 * item is tried alone, so one bad row fails its own call and never the others'.
 */
export function statementBatcher<I, O>(
  run: (items: I[]) => Promise<O[]>,
  maxBatch = 500,
): (item: I) => Promise<O> {
  interface Pending {
    item: I;
    resolve: (value: O) => void;
    reject: (error: unknown) => void;
  }
  let queue: Pending[] = [];
  let draining = false;

  async function runAlone(pending: Pending) {
    try {
      const [result] = await run([pending.item]);
      pending.resolve(result!);
    } catch (error) {
      pending.reject(error);
    }
  }

  async function drain() {
    while (queue.length > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const results = await run(batch.map((p) => p.item));
        batch.forEach((p, i) => p.resolve(results[i]!));
      } catch (error) {
        if (batch.length === 1) batch[0]!.reject(error);
        else for (const pending of batch) await runAlone(pending);
      }
    }
    draining = false;
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!draining) {
        draining = true;
        void drain();
      }
    });
}
