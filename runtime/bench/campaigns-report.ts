import os from 'node:os';
import { campaignsHeading } from './write-benchmarks-md.ts';
import { measuredOn } from './measured-on.ts';
import type { CampaignFigures, CampaignRunFigures } from './campaign-sms-benchmark.ts';
import { cpuPerMessage } from './process-cpu.ts';

/** The campaigns section of BENCHMARKS.md: issue #14's send-path figures against raw clients. */
export function campaignsReport(f: CampaignFigures): string {
  const met = (ok: boolean) => (ok ? '✔' : '✘ not met');
  const perMessage = (seconds: number, r: CampaignRunFigures) =>
    `${cpuPerMessage(seconds, r.people).toFixed(0)} µs`;
  const rate = (r: CampaignRunFigures) =>
    `${r.campaign.toFixed(0)} msg/s (${r.seconds.toFixed(1)} s${r.firstAfter ? `, first after ${r.firstAfter.toFixed(1)} s` : ''})`;
  const [small, large] = [f.sms[0]!, f.sms.at(-1)!];
  const growth = large.peakRssMb / small.peakRssMb;
  const rows = [
    `| ${large.people.toLocaleString('en')}-person SMS broadcast through campaignRun (segment read, recipients, message rows, SmppDriver, window ${50}) to the loopback SMSC | **${rate(large)}** | raw \`smpp\` session, same window, same texts: ${large.raw.toFixed(0)} msg/s | **${large.ratio.toFixed(2)}×** | ≥ 0.5× ${met(large.ratio >= 0.5)} |`,
    ...(large.cpu
      ? [
          `| CPU per message of the same broadcast, every process of the path (send worker ${perMessage(large.cpu.worker, large)}, its database's PostgreSQL backends ${perMessage(large.cpu.postgres, large)}, Temporal ${perMessage(large.cpu.temporal, large)}, the benchmark's process — workflow worker and SMSC — ${perMessage(large.cpu.bench, large)}; ${perMessage(large.cpu.idle, large)} of it what they burn idle over as long) | **${perMessage(large.cpu.total, large)}** | raw \`smpp\` session and the SMSC (one process): ${perMessage(large.cpu.raw, large)} | **${(large.cpu.raw / large.cpu.total).toFixed(2)}×** | (what load does not change: the two-core box's throughput ratio is bounded by it) |`,
        ]
      : []),
    ...(large.floor
      ? [
          `| Floor for any path that keeps a record: the same raw \`smpp\` session while one message row per person is written alongside (500 per statement, no recipients, no reads) | ${large.floor.toFixed(0)} msg/s | raw \`smpp\`: ${large.raw.toFixed(0)} msg/s | ${(large.floor / large.raw).toFixed(2)}× | (context for the goal above) |`,
        ]
      : []),
    ...(f.email
      ? [
          `| ${f.email.people.toLocaleString('en')}-person email broadcast through campaignRun (SmtpDriver, 5 connections) into a loopback SMTP sink process | **${rate(f.email)}** | raw nodemailer pool, 5 connections, same mails: ${f.email.raw.toFixed(0)} msg/s | **${f.email.ratio.toFixed(2)}×** | ≥ 0.5× ${met(f.email.ratio >= 0.5)} |`,
        ]
      : []),
    `| Peak RSS of the campaign send worker's process${large.ownProcess ? '' : ' (the benchmark’s own, PGlite: with the workflow bundle and the SMSC)'} during the SMS campaign, ${small.people.toLocaleString('en')} → ${large.people.toLocaleString('en')} people | ${small.peakRssMb.toFixed(0)} MB → **${large.peakRssMb.toFixed(0)} MB** (${large.startRssMb.toFixed(0)} MB when it began) | | ${growth.toFixed(2)}× | < 300 MB ${met(large.peakRssMb < 300)}, within 20 % ${met(growth <= 1.2)} |`,
  ];
  return [
    campaignsHeading,
    '',
    `\`npm run bench -- --only campaigns\`, ${measuredOn()}, ${large.database === 'postgresql' ? 'PostgreSQL' : 'PGlite'}; load average ${os.loadavg()[0]!.toFixed(1)} when they ended (other processes shared the two cores: the campaign path runs in three processes — Node, PostgreSQL, Temporal — and its baseline in one, so load slows it more).`,
    '',
    '| figure | result | baseline (same run) | ratio | goal |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    'Times run from the workflow’s start to its end: the segment is paged into recipients (5,000 per',
    'page, one INSERT … SELECT from the page’s ids each, runtime/src/campaigns/recipients-in-database.ts,',
    'for a campaign of one channel and one variant whose people are due alike; a JSON-parameter insert',
    'built in the worker otherwise) and, from the first page on, the people due in the pages',
    'written so far go out in chunks of 2,000, two at a time, while the next page is read; a chunk reads its',
    'people’s fields and renders 500 messages while the previous 500 go out, keeps the driver’s window',
    'full from one queue, and writes each message’s row once, with the provider’s id, in statements',
    'shared by every send in flight (runtime/src/campaigns/campaign-sending.ts,',
    'campaign-message-rows.ts). On PostgreSQL the send worker runs in a',
    'process of its own (runtime/bench/campaign-send-worker-process.ts: the activities, the driver, a',
    'database pool; the workflow worker and the loopback SMSC stay in the benchmark’s), started with',
    'the heap bound `omniflow worker --campaign-sends` gets (runtime/bin/send-worker-heap.mjs), and its',
    'RSS is sampled every 50 ms. CPU per message is read from /proc for every process of the path',
    '(runtime/bench/process-cpu.ts: the send worker, the PostgreSQL backends of the campaign’s database,',
    'the Temporal dev server, the benchmark’s own process less the sampling) from the workflow’s start to',
    'its end; the raw figure is the benchmark’s process while the raw session runs (its client and the',
    'SMSC, which the campaign’s total counts too). `BENCH_CAMPAIGN_SMS_SMALL=0 BENCH_CAMPAIGN_SMS=20000',
    'BENCH_CAMPAIGN_EMAIL=0` measures it alone in about a minute; `BENCH_WORKER_PROFILE=<dir>` writes a',
    'CPU profile of the send worker.',
  ].join('\n');
}
