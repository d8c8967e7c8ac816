import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { childrenOf, cpuMeter, cpuSecondsOf, cpuPerMessage } from './process-cpu.ts';

// /proc is Linux's: elsewhere the benchmark reports no CPU figures.
describe.runIf(existsSync('/proc/self/stat'))('CPU seconds read from /proc', () => {
  it("counts this process's busy time, and none for a process that is gone", () => {
    const before = cpuSecondsOf(process.pid)!;
    // Busy for 150 ms of CPU, however long a loaded machine takes to give them.
    const start = process.cpuUsage();
    while (process.cpuUsage(start).user < 150_000) Math.sqrt(Math.random());
    expect(cpuSecondsOf(process.pid)! - before).toBeGreaterThanOrEqual(0.1);
    expect(cpuSecondsOf(2 ** 30)).toBeUndefined();
  }, 60_000);

  it("finds a child process and meters the CPU it burns, from the meter's start", async () => {
    // Busy for 400 ms of its own CPU, then gone: the meter keeps its last sample. The loop counts
    // system time too: each check is a system call, and a loaded kernel can spend seconds on them.
    const child = spawn(
      process.execPath,
      [
        '-e',
        'const s = process.cpuUsage(); let u = process.cpuUsage(s); while (u.user + u.system < 400000) u = process.cpuUsage(s);',
      ],
      { stdio: 'ignore' },
    );
    const exited = once(child, 'exit');
    expect(childrenOf(process.pid)).toContain(child.pid);
    const meter = cpuMeter(() => [child.pid!], 20);
    await exited;
    const used = meter.stop();
    expect(used).toBeGreaterThan(0.2);
    expect(used).toBeLessThan(3);
    expect(cpuPerMessage(0.5, 1000)).toBe(500);
  }, 60_000);
});
