import { emailHeading } from './write-benchmarks-md.ts';
import { measuredOn } from './measured-on.ts';
import type { EmailSendFigures } from './email-send-benchmark.ts';
import type { MailAutoReplyFigures } from './mail-auto-reply-benchmark.ts';

/** The Email section of BENCHMARKS.md: both figures issue #13 names, each against its same-run baseline. */
export function emailReport(send: EmailSendFigures, mail: MailAutoReplyFigures): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const met = (ok: boolean) => (ok ? '✔' : '✘ not met');
  return [
    emailHeading,
    '',
    `\`npm run bench -- --only email-send,mail\`, ${measuredOn()}.`,
    '',
    '| figure | result | baseline (same run) | ratio | goal |',
    '|---|---|---|---|---|',
    `| mails per second through the whole send path (message rows, tracking links, DKIM, pooled SMTP) into a loopback SMTP sink, ${send.connections} connections, ${send.inFlight} in flight, ${send.database} | ${send.service.toFixed(0)} mails/s | raw nodemailer pool, same connections, no database: ${send.raw.toFixed(0)} mails/s | ${send.ratio.toFixed(2)}× | ≥ 0.5× ${met(send.ratio >= 0.5)} |`,
    `| mail in over SMTP → auto-reply handed to the send path, ${mail.mails} mails | p50 ${ms(mail.omniflow.p50)}, **p99 ${ms(mail.omniflow.p99)}** | bare smtp-server + signal-with-start + one activity: p50 ${ms(mail.baseline.p50)}, p99 ${ms(mail.baseline.p99)} | p99 ${mail.p99Ratio.toFixed(2)}× | p99 ≤ 200 ms ${met(mail.omniflow.p99 <= 200)} |`,
    '',
    'The send path is bound by the database and by signing: four statements per mail (the run, the row, consent, the',
    'sent status) and an RSA-2048 DKIM signature against none of either for the raw pool. Batching the',
    'statements across sends is the next step.',
  ].join('\n');
}
