import { measuredOn } from '../measured-on.ts';
import { bestRps, figureAt, type EngineFigure } from './engine-figures.ts';
import type { EnginesOutcome } from './engines-benchmark.ts';

const order = ['baseline', 'node-red', 'omniflow', 'n8n', 'baseline-end'];
const rank = (config: string) => {
  const at = order.findIndex((prefix) => config === prefix || config.startsWith(`${prefix}-`));
  return config === 'baseline-end' ? order.length : at < 0 ? order.length - 1 : at;
};
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const mark = (ok: boolean) => (ok ? '✔' : '✘');

function goalLines(figures: EngineFigure[]): string[] {
  const n8n = bestRps(figures, (c) => c.startsWith('n8n-'));
  const lines: string[] = [];
  for (const setup of new Set(figures.filter((f) => f.config.startsWith('omniflow-')).map((f) => f.config))) {
    const best = bestRps(figures, (c) => c === setup)!;
    const at10 = figureAt(figures, setup, 10);
    const rss = Math.max(...figures.filter((f) => f.config === setup).map((f) => f.peakRssMb));
    if (setup.endsWith('-webhook')) {
      if (n8n)
        lines.push(
          `| ${setup}: req/s vs n8n's best configuration (${n8n.config}, ${n8n.rps.toFixed(0)} req/s at ${n8n.conns}) | ${best.rps.toFixed(0)} req/s at ${best.conns} | **${(best.rps / n8n.rps).toFixed(2)}×** | ≥ 2× | ${mark(best.rps >= 2 * n8n.rps)} |`,
        );
      if (at10)
        lines.push(
          `| ${setup}: p99 at 10 connections | ${ms(at10.p99Ms)} ms | | ≤ 50 ms | ${mark(at10.p99Ms <= 50)} |`,
        );
    } else if (at10) {
      lines.push(
        `| ${setup}: \`POST /api/v1/runs\` p99 at 10 connections | ${ms(at10.p99Ms)} ms (p50 ${ms(at10.p50Ms)} ms, ${at10.rps.toFixed(0)} req/s) | | ≤ 200 ms | ${mark(at10.p99Ms <= 200)} |`,
      );
    }
    lines.push(
      `| ${setup}: peak RSS (its process tree, Temporal server included when it starts one) | ${rss.toFixed(0)} MB | | ≤ 400 MB | ${mark(rss <= 400)} |`,
    );
  }
  return lines;
}

/** BENCHMARKS.md's "Engines (#18)" section from one run of the engines benchmark. */
export function enginesReport(outcome: EnginesOutcome): string {
  const figures = [...outcome.figures].sort(
    (a, b) => rank(a.config) - rank(b.config) || a.config.localeCompare(b.config) || a.conns - b.conns,
  );
  const baseline = (conns: number) => {
    const runs = figures
      .filter((f) => f.config.startsWith('baseline') && f.conns === conns)
      .map((f) => f.rps);
    return runs.length ? runs.reduce((a, b) => a + b, 0) / runs.length : undefined;
  };
  const rows = figures.map((f) => {
    const base = baseline(f.conns);
    return `| ${f.config} | ${f.conns} | ${f.runs} | ${f.rps.toFixed(0)} | ${ms(f.p50Ms)} | ${ms(f.p99Ms)} | ${f.errors} | ${f.peakRssMb.toFixed(0)} | ${f.cpuPct.toFixed(0)} | ${base ? `${((f.rps / base) * 100).toPrecision(2)} %` : ''} |`;
  });
  return [
    '## Engines (#18)',
    '',
    `\`npm run bench -- --only engines\`, ${measuredOn()}. The same 4-node flow (webhook → set \`doubled = n × 2\` → if \`doubled > 10\` → respond) on each engine, started fresh, loaded by the anchors' wrk script (\`../shared/anchors/run-load.sh\`: warm-up, then repeats of 20 s at 1, 10 and 50 connections, \`{"n":3}\` and \`{"n":7}\` alternately); medians over the repeats; the plain node:http server is measured first and last as the run's baseline.`,
    '',
    ...outcome.omniflowSetups.map((line) => `- ${line}`),
    '',
    '| engine | connections | runs | req/s | p50 ms | p99 ms | errors | peak RSS MB | CPU % | of baseline |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    '| goal | measured | ratio | goal | met |',
    '|---|---|---|---|---|',
    ...goalLines(figures),
    '',
  ].join('\n');
}
