import type { InboundReplyFigures, ChatLatencyLine } from './inbound-reply-benchmark.ts';
import type { LatencyFigures } from './latency-figures.ts';
import { measuredOn } from './measured-on.ts';
import type { SmsSubmitFigures } from './sms-submit-benchmark.ts';
import { chatHeading } from './write-benchmarks-md.ts';

// Issue #5's goals.
const replyP99GoalMs = 100;
const submitRatioGoal = 0.5;

const ms = (value: number) => `${value.toFixed(1)} ms`;
const rate = (value: number) => `${Math.round(value).toLocaleString('en')} msg/s`;
const spread = (f: LatencyFigures) =>
  `p50 ${ms(f.p50)}, p95 ${ms(f.p95)}, **p99 ${ms(f.p99)}**, max ${ms(f.max)}`;
const met = (ok: boolean) => (ok ? 'yes' : 'no');

function latencyRow(what: string, line: ChatLatencyLine, baseline: string) {
  const rounds = line.perRound.map((r) => `${ms(r.bot)} / ${ms(r.baseline)}`).join(', ');
  return `| ${what} | ${spread(line.bot)} | ${baseline}: p50 ${ms(line.baseline.p50)}, p99 ${ms(line.baseline.p99)} | p99 **${line.p99Ratio.toFixed(1)}×**, p50 ${line.p50Ratio.toFixed(1)}× (median of per-round p50 ratios; per-round p50 bot / baseline: ${rounds}) | p99 ≤ ${replyP99GoalMs} ms | ${met(line.bot.p99 <= replyP99GoalMs)} |`;
}

/** The "Chat channels (#5)" section of BENCHMARKS.md. */
export function chatReport(sms: SmsSubmitFigures, chat: InboundReplyFigures): string {
  const { concurrent } = chat;
  const smsRounds = sms.perRound
    .map((r) => `${rate(r.driver)} / ${rate(r.raw)} = ${(r.driver / r.raw).toFixed(2)}`)
    .join('; ');
  return `${chatHeading}

Measured by \`npm run bench\` (\`npm run bench -- --only chat\` runs just these) on ${measuredOn()}.

| figure | result | baseline (same run) | ratio | goal | met |
|---|---|---|---|---|---|
${latencyRow(`Inbound WhatsApp message → bot reply sent, a person's first message (starts the conversation), ${chat.conversations} conversations one at a time, ${chat.rounds} rounds`, chat.first, 'bare Temporal round trip (signal-with-start → one activity)')}
${latencyRow(`Same, their second message (the run waits at the question: the signal path), ${chat.conversations} conversations`, chat.second, 'bare Temporal round trip (signal → one activity)')}
| Same as the first line, ${concurrent.lanes} conversations at a time, ${concurrent.conversations} in all | ${spread(concurrent.bot)} | bare round trip, ${concurrent.lanes} at a time: p50 ${ms(concurrent.baseline.p50)}, p99 ${ms(concurrent.baseline.p99)} | p99 ${(concurrent.bot.p99 / concurrent.baseline.p99).toFixed(1)}× | — (load, for reference) | — |
| SMS submitted through \`SmppDriver.send\` to the loopback SMSC, ${sms.messagesPerRound.toLocaleString('en')} messages (${sms.partsPerRound.toLocaleString('en')} submit_sm) per round, ${sms.rounds} rounds | ${rate(sms.driver)} (median round) | raw \`smpp\` session, same window of ${sms.window}, same SMSC: ${rate(sms.raw)} | **${sms.ratio.toFixed(2)}** (median of per-round ratios; driver / raw per round: ${smsRounds}) | ≥ ${submitRatioGoal} | ${met(sms.ratio >= submitRatioGoal)} |
| SMS sent through the messaging service (a \`messages\` row in embedded PGlite per send, as the sms.send activity does), ${sms.service.sends} short messages, ${sms.window} at a time | ${rate(sms.service.service)} | raw \`smpp\` session, same messages: ${rate(sms.service.raw)} | ${sms.service.ratio.toFixed(3)} (bound by the database, not the link) | — (for reference) | — |

How: the chat figures run the real path on loopback in one process beside a Temporal dev server
(in memory): a signed webhook from the fake Graph API is POSTed over HTTP to the API's
\`/api/v1/webhooks/whatsapp\` (embedded PGlite, route-inbound, signal-with-start), the product's
worker parts (\`flowWorkerParts\`, as \`omniflow worker\`) run the published bot (\`message.inbound\`
→ \`message.ask\` → \`message.send\`), and the time is taken when the fake Graph API receives the
reply's POST. The baseline runs on the same server and worker in the same rounds: a workflow that
runs one no-op activity per message signalled in, started by signal-with-start — Temporal's
floor for "message in, reply out". Each round runs its halves as A B B A (A alternating between
rounds), after a warm-up of both. Percentiles are nearest-rank over all rounds.
The SMS figures submit the same messages (short GSM-7 ones with three-part ones among them, each
to its own number) through the driver and through a bare session of the \`smpp\` package that
keeps the same number of submit_sm unanswered, to one loopback SMSC in the same process, A B B A
per round. The driver's pacing (\`messagesPerSecond\`, an SMSC account's limit) is off, as the
raw client has none; it records nothing in a database, so the ratio is the driver's own cost.
`;
}
