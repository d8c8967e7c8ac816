import { measuredOn } from './measured-on.ts';
import type { FlowAnalyticsFigures } from './flow-analytics-benchmark.ts';
import { flowAnalyticsHeading } from './write-benchmarks-md.ts';

/** The Flow analytics section of BENCHMARKS.md: the canvas's query at 10,000 runs and at a million. */
export function flowAnalyticsReport(figures: FlowAnalyticsFigures): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const met = (n: number) => (n <= 500 ? '✔' : '✘ not met');
  return [
    flowAnalyticsHeading,
    '',
    `\`npm run bench -- --only flow-analytics\`, ${measuredOn()}, on **${figures.database}**, load average ${figures.load.toFixed(1)} while measuring.`,
    '',
    `| query (what GET /flows/{id}/analytics runs) | runs picked at ${figures.small.toLocaleString('en')} | time at ${figures.small.toLocaleString('en')} runs (baseline, same run) | runs picked at ${figures.scale.toLocaleString('en')} | time at ${figures.scale.toLocaleString('en')} runs | ratio | goal |`,
    '|---|---|---|---|---|---|---|',
    ...figures.queries.map((q, i) => {
      // The goal is the typical period's (a week of one flow); the wider one shows how it grows.
      const goal = i === 0 ? `≤ 500 ms ${met(q.largeMs)}` : '—';
      return `| ${q.name} | ${q.smallRuns.toLocaleString('en')} | ${ms(q.smallMs)} | ${q.largeRuns.toLocaleString('en')} | ${ms(q.largeMs)} | ${(q.largeMs / q.smallMs).toFixed(2)}× | ${goal} |`;
    }),
    '',
    'Runs of 20 IVR flows (call → key menu → sales / support / hang-up; a tenth abandoned at the menu,',
    'one in twenty failed, one in twenty still waiting) are seeded in SQL over 30 days with their steps',
    '(2.85 per run) and the sales node’s WhatsApp messages (a quarter answered). The query finds the',
    'flow’s runs of the period on `runs_flow_version_idx` (uuid v7 ids make the period an id range),',
    'reads their steps by the `run_steps` key and their messages by `messages_run_idx`, and computes',
    'every figure in one pass; its cost grows with the runs of the period picked, not with the table',
    '(the ratio at equal picks would be ~1×; here the bigger table also puts 100 times more runs in',
    'the same period). No rollup table: a year of one busy flow is read whole. Medians of 9 rounds',
    'after 3 warm-ups, after `vacuum analyze` as autovacuum does after a bulk load. Each picked run costs',
    'a few index probes (its steps, its messages, opens and replies), so the time is linear in the runs',
    'picked: on this shared machine at this load the typical week of a busy flow misses the goal; a rollup',
    'per flow, version, hour, node and port (maintained as runs end) is what would make it meet it.',
  ].join('\n');
}
