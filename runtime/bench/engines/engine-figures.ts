import { median } from '../median.ts';
import type { LoadRow } from './anchors.ts';

/** One engine at one connection count: medians over its repeats, like the anchors' summarize.js. */
export interface EngineFigure {
  config: string;
  conns: number;
  runs: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  peakRssMb: number;
  cpuPct: number;
}

export function engineFigures(rows: LoadRow[]): EngineFigure[] {
  const groups = new Map<string, LoadRow[]>();
  for (const row of rows) {
    const key = `${row.config}|${row.conns}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((group) => ({
    config: group[0]!.config,
    conns: group[0]!.conns,
    runs: group.length,
    rps: median(group.map((r) => r.rps)),
    p50Ms: median(group.map((r) => r.p50_us)) / 1000,
    p99Ms: median(group.map((r) => r.p99_us)) / 1000,
    errors: group.reduce(
      (sum, r) =>
        sum + (r.err_connect ?? 0) + (r.err_read ?? 0) + (r.err_write ?? 0) + (r.err_timeout ?? 0) + r.non2xx,
      0,
    ),
    peakRssMb: Math.max(...group.map((r) => r.peak_rss_kb)) / 1024,
    cpuPct: median(group.map((r) => r.engine_cpu_pct)),
  }));
}

/** The most requests a second a config reached at any connection count. */
export function bestRps(
  figures: EngineFigure[],
  config: (name: string) => boolean,
): EngineFigure | undefined {
  return figures.filter((f) => config(f.config)).sort((a, b) => b.rps - a.rps)[0];
}

export function figureAt(figures: EngineFigure[], config: string, conns: number) {
  return figures.find((f) => f.config === config && f.conns === conns);
}
