/**
 * Keys the caller pressed and no gather has consumed yet: callers type ahead of prompts, and a
 * key pressed while a prompt plays must not be lost before the next gather starts.
 */
export class DigitBuffer {
  private readonly keys: string[] = [];
  private waiter: ((key: string) => void) | undefined;

  push(key: string): void {
    const waiter = this.waiter;
    if (waiter) {
      this.waiter = undefined;
      waiter(key);
    } else {
      this.keys.push(key);
    }
  }

  get size(): number {
    return this.keys.length;
  }

  clear(): void {
    this.keys.length = 0;
  }

  /** The next key, or undefined if `signal` aborts first. Only one reader at a time. */
  next(signal: AbortSignal): Promise<string | undefined> {
    const buffered = this.keys.shift();
    if (buffered !== undefined) return Promise.resolve(buffered);
    if (signal.aborted) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const onAbort = () => {
        if (this.waiter === deliver) this.waiter = undefined;
        resolve(undefined);
      };
      const deliver = (key: string) => {
        signal.removeEventListener('abort', onAbort);
        resolve(key);
      };
      this.waiter = deliver;
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}
