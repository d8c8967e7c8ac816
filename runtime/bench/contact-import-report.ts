import { contactImportHeading } from './write-benchmarks-md.ts';
import { measuredOn } from './measured-on.ts';
import type { ContactImportFigures } from './contact-import-benchmark.ts';

/** The contact import section of BENCHMARKS.md: issue #14's 100k-row figure against a raw insert. */
export function contactImportReport(f: ContactImportFigures): string {
  const met = (ok: boolean) => (ok ? '✔' : '✘ not met');
  const s = (n: number) => `${n.toFixed(2)} s`;
  return [
    contactImportHeading,
    '',
    `\`npm run bench -- --only import\`, ${measuredOn()}, ${f.database}, median of ${f.rounds} rounds; load average ${f.loadAverage.toFixed(1)} when they ended (other processes shared the cores, which slows the import and its baseline alike).`,
    '',
    '| figure | result | baseline (same run) | ratio | goal |',
    '|---|---|---|---|---|',
    `| ${f.rows.toLocaleString('en')}-row CSV (names, national phone, email, language, zone, tags, consent) through the whole import into a fresh workspace | **${s(f.seconds)}**, ${f.rowsPerSecond.toFixed(0)} rows/s | the same rows inserted raw (1,000 per statement, no checks, no lookup): ${s(f.baselineSeconds)}, ${f.baselineRowsPerSecond.toFixed(0)} rows/s | ${f.ratio.toFixed(2)}× | ≤ 30 s ${met(f.seconds <= 30)} |`,
    `| the same file again: every row finds its person by phone and updates them | ${s(f.reimportSeconds)} | | | ≤ 30 s ${met(f.reimportSeconds <= 30)} |`,
    '',
    'The import decodes and checks the file before writing anything, then per 1,000 rows: normalises',
    'phones to E.164 (libphonenumber-js), checks emails, languages and zones, looks the chunk’s addresses',
    'up in one query, merges rows naming the same person, and writes new people, updated people, their',
    'addresses with consent, rejections and the progress counts in one transaction of six statements',
    '(runtime/src/contacts-import/write-import-chunk.ts). No statement is per row.',
  ].join('\n');
}
