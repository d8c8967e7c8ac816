import { measuredOn } from './measured-on.ts';
import type { ReportsFigures } from './reports-benchmark.ts';
import { reportsHeading } from './write-benchmarks-md.ts';

/** The Reports section of BENCHMARKS.md: each report at the issue's volume against 10,000 rows. */
export function reportsSection(figures: ReportsFigures): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const { runs, messages, calls } = figures.volume;
  return [
    reportsHeading,
    '',
    `\`npm run bench -- --only reports\`, ${measuredOn()}, on **${figures.database}** (${runs.toLocaleString('en')} runs, ${messages.toLocaleString('en')} messages, ${calls.toLocaleString('en')} calls in one workspace, spread over 90 days), load average ${figures.load.toFixed(1)} while measuring.`,
    '',
    '| report | period | full volume | baseline: same report, 10,000 rows of each (same run, same database) | ratio | goal ≤ 500 ms |',
    '|---|---|---|---|---|---|',
    ...figures.reports.map(
      (r) =>
        `| ${r.name} | ${r.period} | ${ms(r.largeMs)} | ${ms(r.smallMs)} | ${(r.largeMs / r.smallMs).toFixed(1)}× | ${r.largeMs <= 500 ? '✔' : '✘ not met'} |`,
    ),
    '',
    `Before measuring, the worker's roll-up pass rolled up everything seeded (both workspaces, 90 days, in ${figures.rollup.batches} one-day transactions): **${(figures.rollup.ms / 1000).toFixed(1)} s** at load average ${figures.rollup.load.toFixed(1)}, writing ${Object.entries(
      figures.rollup.rows,
    )
      .map(([table, n]) => `${n.toLocaleString('en')} rows to \`${table}\``)
      .join(', ')}.`,
    '',
    'Each figure is a report’s whole build (its queries and the document, as `GET /reports/{name}` runs it),',
    'the median of 7 runs after 2 warm-ups, in Lima’s time zone. Data is seeded in SQL with generate_series:',
    'a call every fifth run with a menu step (every other call an agent-queue step), messages on four',
    'channels (four in five outbound, three in five from one of 20 campaigns), opens and clicks for mails, a',
    'quota ledger line per delivered SMS; then `vacuum analyze`, as autovacuum does after a bulk load.',
    'Reports read closed time from the rollup tables (runtime/src/rollups/, ARCHITECTURE.md “Report',
    'rollups”): whole local days from the daily rows, the period’s ragged ends from the 15-minute rows,',
    'and only the time since the last pass (at most the 5-minute settle margin plus one bucket here) from',
    'the raw rows. Call traffic, IVR, outbound messages, email and quota consumption read only rollups for',
    'closed time (the IVR rollup counts a call once, at its first menu step). One part still scans the',
    'period’s raw rows: the interactions report’s contacts tables (distinct contacts per channel and the',
    '50 busiest need every address of the period; its per-period counts come from the rollups).',
  ].join('\n');
}
