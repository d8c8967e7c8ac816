import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const script = fileURLToPath(new URL('./run-benchmarks.ts', import.meta.url));
const benchmarksMd = new URL('../../BENCHMARKS.md', import.meta.url);

describe('npm run bench -- --only <subset>', () => {
  it('prints the figures of a subset of the platform table, and leaves BENCHMARKS.md alone', async () => {
    const before = readFileSync(benchmarksMd, 'utf8');
    const { stdout } = await promisify(execFile)('npx', ['tsx', script, '--only', 'compile,workflows'], {
      cwd: root,
      // The smallest run the knobs allow: one round of four runs, two at a time.
      env: { ...process.env, BENCH_RUNS: '4', BENCH_ROUNDS: '1', BENCH_CONCURRENCY: '2' },
      timeout: 240_000,
    });
    expect(stdout).toMatch(/compile\+validate 1,000 nodes: median [\d.]+ ms/);
    expect(stdout).toMatch(/workflows: round 1 of 1: /);
    expect(stdout).toMatch(/5-node flow [\d.]+ runs\/s vs no-op [\d.]+ runs\/s → ratio [\d.]+/);
    expect(stdout).toContain('The platform table is kept as it was');
    expect(readFileSync(benchmarksMd, 'utf8')).toBe(before);
  }, 300_000);
});
