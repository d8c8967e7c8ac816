import { measuredOn } from './measured-on.ts';
import type { ReportsFigures } from './reports-benchmark.ts';
import { reportsHeading } from './write-benchmarks-md.ts';

/** The Reports section of BENCHMARKS.md: each report at the volume against 10,000 rows. */
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
    'Each figure is a report’s whole build (its queries and the document, as `GET /reports/{name}` runs it),',
    'the median of 7 runs after 2 warm-ups, in Lima’s time zone. Data is seeded in SQL with generate_series:',
    'a call every fifth run with a menu step (every other call an agent-queue step), messages on four',
    'channels (four in five outbound, three in five from one of 20 campaigns), opens and clicks for mails, a',
    'quota ledger line per delivered SMS; then `vacuum analyze`, as autovacuum does after a bulk load.',
    'Indexes only so far (period-first, no rollup tables): a rollup maintained on every message insert or',
    'status change would tax the campaign send path (#14). They do not meet the goal at this volume: a',
    'report still reads every row of its period (about 1.7 million messages in 30 days here). The next step',
    'is hourly rollups filled for closed hours by a scheduled job, with only the open hour read live.',
  ].join('\n');
}
