import { emailHeading } from './write-benchmarks-md.ts';
import { measuredOn } from './measured-on.ts';
import type { EmailSendFigures } from './email-send-benchmark.ts';
import type { MailAutoReplyFigures } from './mail-auto-reply-benchmark.ts';

/** The Email section of BENCHMARKS.md: both figures issue #13 names, each against its same-run baseline. */
export function emailReport(sends: EmailSendFigures[], mail: MailAutoReplyFigures): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const met = (ok: boolean) => (ok ? '✔' : '✘ not met');
  return [
    emailHeading,
    '',
    `\`npm run bench -- --only email-send,mail\`, ${measuredOn()}.`,
    '',
    '| figure | result | baseline (same run) | ratio | goal |',
    '|---|---|---|---|---|',
    ...sends.map(
      (send) =>
        `| mails per second through the whole send path (message rows, tracking links, DKIM, pooled SMTP) into a loopback SMTP sink, ${send.connections} connections, ${send.inFlight} in flight, **${send.database}** | ${send.service.toFixed(0)} mails/s | raw nodemailer pool, same connections, no database: ${send.raw.toFixed(0)} mails/s | ${send.ratio.toFixed(2)}× (rounds ${send.ratios.map((r) => r.toFixed(2)).join(', ')}) | ≥ 0.5× ${met(send.ratio >= 0.5)} |`,
    ),
    `| mail in over SMTP → auto-reply handed to the send path, ${mail.mails} mails | p50 ${ms(mail.omniflow.p50)}, **p99 ${ms(mail.omniflow.p99)}** | bare smtp-server + signal-with-start + one activity: p50 ${ms(mail.baseline.p50)}, p99 ${ms(mail.baseline.p99)} | p99 ${mail.p99Ratio.toFixed(2)}× | p99 ≤ 200 ms ${met(mail.omniflow.p99 <= 200)} |`,
    '',
    'What the send path does that the raw pool does not: a `messages` row written before each mail and marked',
    'sent after it, the address’s consent read, tracking links signed, and an RSA-2048 DKIM signature. The',
    'sends in flight share one statement per batch for all of that (runtime/src/messaging/outbound-rows.ts),',
    'an HTML is parsed once for all its mails, and each mail is built and signed before it reaches the pool,',
    'the signature on libuv’s thread pool (signing on the event loop, as nodemailer does, gave 0.36× on',
    'PostgreSQL; signing as the pool streams the mail held its connections and gave 0.43×). On PostgreSQL the database works in its own process; embedded PGlite runs every statement',
    'on the event loop the SMTP connections need, which is why a campaign-scale install should use PostgreSQL',
    '(`DATABASE_URL`). 100 in flight is a worker’s default number of concurrent activities.',
  ].join('\n');
}
