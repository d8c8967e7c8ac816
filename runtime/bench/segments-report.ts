import { measuredOn } from './measured-on.ts';
import { indexesProposed, type SegmentFigures } from './segments-benchmark.ts';
import { segmentsHeading } from './write-benchmarks-md.ts';

/** The Segments section of BENCHMARKS.md: the live count on a million contacts against count(*). */
export function segmentsReport(figures: SegmentFigures): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const met = (n: number) => (n <= 500 ? '✔' : '✘ not met');
  return [
    segmentsHeading,
    '',
    `\`npm run bench -- --only segments\`, ${measuredOn()}, ${figures.scale.toLocaleString('en')} contacts on **${figures.database}**, load average ${figures.load.toFixed(1)} while measuring.`,
    '',
    '| rule (what POST /segments/count does: load the fields, compile, count) | people | time | with the proposed index | baseline: count(*) of the workspace’s contacts (same run) | goal |',
    '|---|---|---|---|---|---|',
    ...figures.rules.map((r, i) => {
      const indexed = figures.indexed[i]!;
      // The goal is the typical rule's; the wider one shows how a rule without an index scales.
      const goal = i === 0 ? `≤ 500 ms ${met(Math.min(r.ms, indexed.ms))}` : '—';
      return `| ${r.name} | ${r.count.toLocaleString('en')} | ${ms(r.ms)} (${(r.ms / figures.baselineMs).toFixed(2)}×) | ${ms(indexed.ms)} | ${ms(figures.baselineMs)} | ${goal} |`;
    }),
    '',
    'Contacts are seeded in SQL with generate_series: a tenth tagged vip, four cities, ages 18–97, an SMS',
    'address each with consent for nine in ten. Tags and custom-field equality use the GIN indexes on',
    '`contacts.tags` and `contacts.attributes` (a custom field’s "equals" compiles to `attributes @> …`);',
    'consent is an EXISTS on `contact_channels`, which the proposed partial index turns into an index-only',
    'probe per candidate instead of hashing every consenting address. A number range or an OR of custom',
    'fields reads every contact (no index on a value inside `attributes` serves a range). Figures are',
    'medians of 12 runs after 3 warm-ups, after `vacuum analyze` as autovacuum does after a bulk load.',
    'The proposed index (not in a migration yet):',
    '',
    ...indexesProposed.map((ddl) => `    ${ddl};`),
  ].join('\n');
}
