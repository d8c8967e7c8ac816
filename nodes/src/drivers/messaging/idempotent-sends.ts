/**
 * A driver's memory of recent sends by idempotency key, so an activity retried inside the same
 * worker gets the first send's result instead of a second message. It is only a first line: it
 * forgets on restart and past `capacity` keys (oldest first). The durable guard is the
 * `messages` table's unique (workspace_id, idempotency_key) index, which the runtime adds and checks
 * before calling the driver.
 */
export class IdempotentSends<T> {
  private readonly results = new Map<string, Promise<T>>();

  constructor(private readonly capacity = 10_000) {}

  /**
   * The result of the first `send` for `key`. Concurrent callers with the same key share one
   * send. A send that throws is forgotten, so a retry really tries again: a refused message was
   * not sent.
   */
  run(key: string, send: () => Promise<T>): Promise<T> {
    const known = this.results.get(key);
    if (known) return known;
    const result = send();
    this.results.set(key, result);
    result.catch(() => {
      if (this.results.get(key) === result) this.results.delete(key);
    });
    if (this.results.size > this.capacity) {
      const oldest = this.results.keys().next().value;
      if (oldest !== undefined) this.results.delete(oldest);
    }
    return result;
  }
}
