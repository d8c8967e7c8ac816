export interface SendWindowOptions {
  /** Requests sent and not yet answered, at most (SMPP's "window"). */
  maxInFlight: number;
  /** Requests started per second, at most: the rate the SMSC account allows. */
  perSecond: number;
  now?: () => number;
}

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Admits requests FIFO under two limits at once: a window of unanswered requests and an even
 * pace (one start every 1/perSecond s, so a burst never exceeds the account's rate).
 */
export class SendWindow {
  private inFlight = 0;
  private nextStartAt = 0;
  private readonly waiting: Waiter[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly intervalMs: number;
  private readonly now: () => number;
  private closedWith: Error | undefined;

  constructor(private readonly options: SendWindowOptions) {
    if (options.maxInFlight < 1 || options.perSecond <= 0) {
      throw new RangeError('A send window needs maxInFlight ≥ 1 and perSecond > 0');
    }
    this.intervalMs = 1000 / options.perSecond;
    this.now = options.now ?? Date.now;
  }

  /** Resolves when this request may go; call `release` once it is answered or has failed. */
  acquire(): Promise<void> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.admit();
    });
  }

  /**
   * Takes a slot now if one is free, no one waits before this request and the pace allows it
   * now: `acquire` without a promise, for the common case of a window with room.
   */
  tryAcquire(): boolean {
    if (this.closedWith || this.waiting.length > 0 || this.inFlight >= this.options.maxInFlight) return false;
    const now = this.now();
    if (this.nextStartAt > now) return false;
    this.inFlight++;
    this.nextStartAt = now + this.intervalMs;
    return true;
  }

  release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.admit();
  }

  get unanswered(): number {
    return this.inFlight;
  }

  close(error: Error): void {
    this.closedWith = error;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const waiter of this.waiting.splice(0)) waiter.reject(error);
  }

  private admit(): void {
    while (this.inFlight < this.options.maxInFlight && this.waiting.length > 0) {
      const waiter = this.waiting.shift();
      if (!waiter) return;
      this.inFlight++;
      const now = this.now();
      const startAt = Math.max(now, this.nextStartAt);
      this.nextStartAt = startAt + this.intervalMs;
      if (startAt <= now) {
        waiter.resolve();
        continue;
      }
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        waiter.resolve();
      }, startAt - now);
      this.timers.add(timer);
    }
  }
}
