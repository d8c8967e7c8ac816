import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds of processes read from /proc (Linux), so a benchmark on a shared machine can say
 * what a path costs whatever the scheduler gave it: utime + stime of /proc/<pid>/stat, in clock
 * ticks (100 a second on Linux).
 */
const ticksPerSecond = 100;

/** A process's CPU seconds so far, or undefined when it is gone (or /proc is not there). */
export function cpuSecondsOf(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces: count from its end.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of the whole line (utime, stime) are the 12th and 13th after the name.
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

const cmdlineOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
};

const statusOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return '';
  }
};

/** Every process whose command line `matches`. */
export function pidsWhere(matches: (cmdline: string, pid: number) => boolean): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries
    .filter((e) => /^\d+$/.test(e))
    .map(Number)
    .filter((pid) => matches(cmdlineOf(pid), pid));
}

/**
 * The children of `parent`: /proc/<pid>/task/<tid>/children when the kernel has it (one read, not
 * a walk of every process), else every process whose parent pid (field 4 of its stat) it is.
 */
export function childrenOf(parent: number): number[] {
  try {
    return readdirSync(`/proc/${parent}/task`).flatMap((tid) =>
      readFileSync(`/proc/${parent}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return pidsWhere((_, pid) => {
      const stat = statusOf(pid);
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent;
    });
  }
}

/**
 * The PostgreSQL backends of one database (the server's own, on this host): their process title is
 * `postgres: <cluster>: <user> <database> <client> <state>`; autovacuum workers say `autovacuum
 * worker <database>`.
 */
export function postgresBackendsOf(database: string): () => number[] {
  // The server's main process: the parent of every backend (found once).
  const [postmaster] = pidsWhere(
    (cmdline) => /\/postgres\s.*-D\s/.test(cmdline) || /^postgres -D /.test(cmdline),
  );
  return () =>
    (postmaster ? childrenOf(postmaster) : pidsWhere(() => true)).filter((pid) => {
      const cmdline = cmdlineOf(pid);
      return cmdline.startsWith('postgres: ') && cmdline.includes(` ${database} `);
    });
}

/**
 * The CPU seconds a group of processes used between `start` and `stop`, the group found again at
 * every sample (backends come and go with pools): a process that appears counts from zero, and one
 * that ends keeps its last sample (up to one interval of it is lost).
 */
export function cpuMeter(find: () => number[], intervalMs = 250) {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  let started = false;
  let ownCpu = 0;
  const sample = () => {
    const before = process.cpuUsage();
    for (const pid of find()) {
      const seconds = cpuSecondsOf(pid);
      if (seconds === undefined) continue;
      if (!first.has(pid)) first.set(pid, started ? 0 : seconds);
      last.set(pid, seconds);
    }
    const spent = process.cpuUsage(before);
    ownCpu += (spent.user + spent.system) / 1e6;
  };
  sample();
  started = true;
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    /** CPU seconds used by the group since the meter began. */
    stop(): number {
      clearInterval(timer);
      sample();
      let total = 0;
      for (const [pid, seconds] of last) total += seconds - (first.get(pid) ?? 0);
      return total;
    },
    /** The CPU seconds this process spent sampling (to take off its own figure). */
    ownCpu: () => ownCpu,
  };
}

/** CPU microseconds per message. */
export const cpuPerMessage = (seconds: number, messages: number) => (seconds * 1e6) / messages;
