import type { Db } from '@omniflow/db';
import { liveSnapshot, type LiveSnapshot } from './live-snapshot.ts';
import { onRunsEnded } from './runs-ended-signal.ts';

type Viewer = (snapshot: LiveSnapshot) => void;

interface Watched {
  viewers: Set<Viewer>;
  timer: NodeJS.Timeout;
  last?: LiveSnapshot;
  /** The figures without their time: what "changed" compares. */
  lastKey?: string;
  reading: boolean;
  /** Asked for while a read ran (a tick or a run ending): read again as soon as it ends. */
  again: boolean;
}

export type DashboardHubOptions = {
  /** How often a watched workspace's figures are read (default 1 s: updates land within 2 s). */
  tickMs?: number;
  onError?: (error: unknown) => void;
  /** Where word of ended runs comes from (default: this process's progress writer). */
  runsEnded?: typeof onRunsEnded;
} & (
  | { db: Db }
  /** How a workspace's figures are read, in place of liveSnapshot on a database (tests). */
  | { read: (workspaceId: string) => Promise<LiveSnapshot> }
);

/**
 * One reader per watched workspace in this process, whatever the number of browsers: each tick
 * runs the snapshot's query set once and pushes it to every viewer, only when a figure changed.
 * The last viewer leaving stops the ticks.
 */
export function createDashboardHub(options: DashboardHubOptions) {
  const tickMs = options.tickMs ?? 1_000;
  const report = options.onError ?? ((error) => console.warn(`Live dashboard: ${String(error)}`));
  const watched = new Map<string, Watched>();
  const readSnapshot =
    'read' in options ? options.read : (workspaceId: string) => liveSnapshot(options.db, workspaceId);

  async function read(workspaceId: string, entry: Watched): Promise<void> {
    // Still one read at a time per workspace, but a change seen during a slow read is not left
    // for the tick after it: the read that follows starts the moment this one ends.
    if (entry.reading) {
      entry.again = true;
      return;
    }
    entry.reading = true;
    entry.again = false;
    try {
      const snapshot = await readSnapshot(workspaceId);
      const key = JSON.stringify({ ...snapshot, at: '' });
      if (key === entry.lastKey) return;
      entry.last = snapshot;
      entry.lastKey = key;
      for (const viewer of entry.viewers) viewer(snapshot);
    } catch (error) {
      report(error);
    } finally {
      entry.reading = false;
      if (entry.again && watched.get(workspaceId) === entry) void read(workspaceId, entry);
    }
  }

  // A finished run is read at once rather than at the next tick (the e2e wants it within 2 s).
  const stopHearing = (options.runsEnded ?? onRunsEnded)((workspaceIds) => {
    for (const workspaceId of workspaceIds) {
      const entry = watched.get(workspaceId);
      if (entry) void read(workspaceId, entry);
    }
  });

  return {
    /** Calls `viewer` with the current figures at once, then on every change; returns the leave. */
    watch(workspaceId: string, viewer: Viewer): () => void {
      let entry = watched.get(workspaceId);
      if (!entry) {
        const created: Watched = {
          viewers: new Set(),
          reading: false,
          again: false,
          timer: setInterval(() => void read(workspaceId, created), tickMs),
        };
        created.timer.unref();
        entry = created;
        watched.set(workspaceId, entry);
        void read(workspaceId, entry);
      } else if (entry.last) viewer(entry.last);
      entry.viewers.add(viewer);
      const joined = entry;
      return () => {
        joined.viewers.delete(viewer);
        if (joined.viewers.size === 0 && watched.get(workspaceId) === joined) {
          clearInterval(joined.timer);
          watched.delete(workspaceId);
        }
      };
    },
    /** Workspaces being watched now (tests check the reader stops). */
    get watching(): number {
      return watched.size;
    },
    close() {
      stopHearing();
      for (const entry of watched.values()) clearInterval(entry.timer);
      watched.clear();
    },
  };
}

export type DashboardHub = ReturnType<typeof createDashboardHub>;
