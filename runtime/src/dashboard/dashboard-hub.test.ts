import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDashboardHub } from './dashboard-hub.ts';
import type { LiveSnapshot } from './live-snapshot.ts';

const figures = (completed: number, at: string): LiveSnapshot => ({
  at,
  timezone: 'UTC',
  calls: { inIvr: 0, waitingInQueue: 0, withAgent: 0, abandonedToday: 0 },
  conversations: [],
  runsPerMinute: [{ minute: '2026-12-07T12:00:00.000Z', started: 0, completed, failed: 0 }],
  messagesPerMinute: [],
  campaigns: [],
  health: [],
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the dashboard hub', () => {
  it('reads once per tick for all viewers of a workspace and pushes only what changed', async () => {
    let completed = 0;
    const reads: string[] = [];
    const hub = createDashboardHub({
      tickMs: 1000,
      read: async (workspaceId) => {
        reads.push(workspaceId);
        return figures(completed, new Date().toISOString());
      },
    });
    const first: number[] = [];
    const second: number[] = [];
    const leaveFirst = hub.watch('ws-1', (s) => first.push(s.runsPerMinute[0]!.completed));
    await vi.advanceTimersByTimeAsync(0);
    const leaveSecond = hub.watch('ws-1', (s) => second.push(s.runsPerMinute[0]!.completed));
    // The second viewer gets the figures at once, from the reader's last read.
    expect(second).toEqual([0]);
    await vi.advanceTimersByTimeAsync(3000);
    expect(reads).toEqual(['ws-1', 'ws-1', 'ws-1', 'ws-1']);
    // Same figures (only the time moved): nothing pushed.
    expect(first).toEqual([0]);

    completed = 1;
    await vi.advanceTimersByTimeAsync(1000);
    expect(first).toEqual([0, 1]);
    expect(second).toEqual([0, 1]);

    leaveFirst();
    leaveSecond();
    expect(hub.watching).toBe(0);
    await vi.advanceTimersByTimeAsync(5000);
    expect(reads).toHaveLength(5);
  });

  it('keeps going after a failed read, and reads each workspace apart', async () => {
    const problems: unknown[] = [];
    let fail = true;
    const hub = createDashboardHub({
      onError: (error) => problems.push(error),
      read: async (workspaceId) => {
        if (fail && workspaceId === 'ws-1') throw new Error('database gone');
        return figures(workspaceId === 'ws-1' ? 1 : 2, new Date().toISOString());
      },
    });
    const seen: string[] = [];
    hub.watch('ws-1', (s) => seen.push(`ws-1:${s.runsPerMinute[0]!.completed}`));
    hub.watch('ws-2', (s) => seen.push(`ws-2:${s.runsPerMinute[0]!.completed}`));
    await vi.advanceTimersByTimeAsync(0);
    expect(problems).toEqual([new Error('database gone')]);
    fail = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen.sort()).toEqual(['ws-1:1', 'ws-2:2']);
    expect(hub.watching).toBe(2);
    hub.close();
    expect(hub.watching).toBe(0);
  });

  it('reads a workspace again the moment its runs end, even behind a slow read, one read at a time', async () => {
    let completed = 0;
    let running = 0;
    let overlapped = false;
    const readsAt: number[] = [];
    let announce: (ids: ReadonlySet<string>) => void = () => undefined;
    const hub = createDashboardHub({
      tickMs: 1000,
      runsEnded: (listener) => {
        announce = listener;
        return () => (announce = () => undefined);
      },
      // Each read takes 1.5 s and sees the figures as they were when it began.
      read: async () => {
        readsAt.push(Date.now());
        overlapped ||= running > 0;
        running++;
        const seen = completed;
        await new Promise((resolve) => setTimeout(resolve, 1500));
        running--;
        return figures(seen, new Date().toISOString());
      },
    });
    const seen: number[] = [];
    hub.watch('ws-1', (s) => seen.push(s.runsPerMinute[0]!.completed));
    await vi.advanceTimersByTimeAsync(1600);
    expect(seen).toEqual([0]);
    const start = Date.now();
    // A run ends while the second read is under way (it began at 1.6 s with the old figures).
    await vi.advanceTimersByTimeAsync(100);
    completed = 1;
    announce(new Set(['ws-1', 'ws-unwatched']));
    // That read ends at 3.1 s; the one asked for starts then and ends at 4.6 s: 2.9 s after the
    // start, where waiting for a free tick (4 s, ends 5.5 s) would take longer than 2 s from the end.
    await vi.advanceTimersByTimeAsync(2900);
    expect(seen).toEqual([0, 1]);
    expect(Date.now() - start).toBe(3000);
    expect(overlapped).toBe(false);
    // Reads run back to back, never two at once.
    for (let i = 1; i < readsAt.length; i++)
      expect(readsAt[i]! - readsAt[i - 1]!).toBeGreaterThanOrEqual(1500);
    hub.close();
    announce(new Set(['ws-1']));
    const after = readsAt.length;
    await vi.advanceTimersByTimeAsync(5000);
    expect(readsAt.length).toBeLessThanOrEqual(after + 1);
  });

  it('does not wait for the next tick when a watched workspace’s run ends', async () => {
    let completed = 0;
    let announce: (ids: ReadonlySet<string>) => void = () => undefined;
    const hub = createDashboardHub({
      tickMs: 60_000,
      runsEnded: (listener) => ((announce = listener), () => undefined),
      read: async () => figures(completed, new Date().toISOString()),
    });
    const seen: number[] = [];
    hub.watch('ws-1', (s) => seen.push(s.runsPerMinute[0]!.completed));
    await vi.advanceTimersByTimeAsync(0);
    completed = 1;
    announce(new Set(['ws-1']));
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([0, 1]);
    hub.close();
  });
});
