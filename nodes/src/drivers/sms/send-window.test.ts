import { describe, expect, it } from 'vitest';
import { SendWindow } from './send-window.ts';

describe('SendWindow', () => {
  it('never lets more than maxInFlight requests be unanswered', async () => {
    const window = new SendWindow({ maxInFlight: 2, perSecond: 1000 });
    const admitted: number[] = [];
    const all = [0, 1, 2, 3].map((i) => window.acquire().then(() => admitted.push(i)));
    await new Promise((r) => setTimeout(r, 20));
    expect(admitted).toEqual([0, 1]);
    window.release();
    await new Promise((r) => setTimeout(r, 20));
    expect(admitted).toEqual([0, 1, 2]);
    window.release();
    window.release();
    await Promise.all(all);
    expect(admitted).toEqual([0, 1, 2, 3]);
  });

  it('paces starts at the configured rate', async () => {
    const window = new SendWindow({ maxInFlight: 100, perSecond: 50 });
    const started = Date.now();
    for (let i = 0; i < 6; i++) await window.acquire();
    // Six starts at 50/s: the sixth goes 5 × 20 ms after the first.
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
  });

  it('rejects waiting requests when closed', async () => {
    const window = new SendWindow({ maxInFlight: 1, perSecond: 1000 });
    await window.acquire();
    const waiting = window.acquire();
    window.close(new Error('driver closed'));
    await expect(waiting).rejects.toThrow('driver closed');
    await expect(window.acquire()).rejects.toThrow('driver closed');
  });
});

describe('SendWindow.tryAcquire', () => {
  it('takes a free slot at once, and none when the window is full or someone waits', async () => {
    const window = new SendWindow({ maxInFlight: 2, perSecond: Infinity });
    expect(window.tryAcquire()).toBe(true);
    expect(window.tryAcquire()).toBe(true);
    expect(window.tryAcquire()).toBe(false);
    const waiting = window.acquire();
    window.release();
    // The slot freed goes to the one waiting, not to a newcomer.
    expect(window.tryAcquire()).toBe(false);
    await waiting;
    expect(window.unanswered).toBe(2);
  });

  it('keeps the pace: a second start within the interval waits', () => {
    let now = 1000;
    const window = new SendWindow({ maxInFlight: 10, perSecond: 10, now: () => now });
    expect(window.tryAcquire()).toBe(true);
    expect(window.tryAcquire()).toBe(false);
    now += 100;
    expect(window.tryAcquire()).toBe(true);
  });

  it('takes nothing once closed', () => {
    const window = new SendWindow({ maxInFlight: 1, perSecond: 1000 });
    window.close(new Error('driver closed'));
    expect(window.tryAcquire()).toBe(false);
  });
});
