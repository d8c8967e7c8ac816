import type { LatencyFigures } from './latency-figures.ts';
import { measuredOn } from './measured-on.ts';
import { voicePacingBound, type VoiceFigures } from './voice-benchmark.ts';
import { voiceHeading } from './write-benchmarks-md.ts';

// Issue #6's goals.
const dtmfP99GoalMs = 50;
const concurrentGoal = 200;

const ms = (value: number) => `${value.toFixed(1)} ms`;
const spread = (f: LatencyFigures) =>
  `p50 ${ms(f.p50)}, p95 ${ms(f.p95)}, **p99 ${ms(f.p99)}**, max ${ms(f.max)}`;
const met = (ok: boolean) => (ok ? 'yes' : 'no');

/** The "Voice (#6)" section of BENCHMARKS.md. */
export function voiceReport(voice: VoiceFigures): string {
  const { latency, pacing } = voice;
  const rounds = latency.perRound.map((r) => `${ms(r.flow)} / ${ms(r.driver)}`).join(', ');
  const one = pacing[0];
  const top = [...pacing].reverse().find((p) => p.held) ?? one;
  const stageList = pacing
    .map(
      (p) =>
        `${p.calls} calls: p50 ${ms(p.intervalP50)}, p99 ${ms(p.intervalP99)}, lost ${p.lost}/${p.received}${p.held ? '' : ' (out of bounds)'}`,
    )
    .join('; ');
  return `${voiceHeading}

Measured by \`npm run bench\` (\`npm run bench -- --only voice\` runs just these) on ${measuredOn()}.
The machine is shared with other jobs and noisy: read the ratios first.

| figure | result | baseline (same run) | ratio | goal | met |
|---|---|---|---|---|---|
| Caller's first RFC 4733 key packet → first RTP packet (marker bit) of the next prompt, published flow \`voice.inbound-call → voice.menu → voice.say → voice.hangup\` through Temporal, ${latency.flow.count} calls, ${voice.lanes} at a time, ${voice.rounds} rounds | ${spread(latency.flow)} | same caller, same menu → say done in-process on the SIP driver alone (no Temporal): p50 ${ms(latency.driver.p50)}, p99 ${ms(latency.driver.p99)} | p99 **${latency.p99Ratio.toFixed(1)}×**, p50 ${latency.p50Ratio.toFixed(1)}× (per-round median flow / driver: ${rounds}) | p99 ≤ ${dtmfP99GoalMs} ms | ${met(latency.flow.p99 <= dtmfP99GoalMs)} |
| Calls held at once with a prompt streaming to each (published \`voice.play\` flow), ramped ${voice.stages.join(' → ')}, pacing of up to ${voice.sampledCalls} sampled calls over ${voice.windowMs / 1000} s per step | **${voice.maxHeld} calls** with inter-packet p99 ${top ? ms(top.intervalP99) : '—'}, lost ${top?.lost ?? '—'} | 1 call: inter-packet p50 ${one ? ms(one.intervalP50) : '—'}, p99 ${one ? ms(one.intervalP99) : '—'}, lost ${one?.lost ?? '—'} | p99 ${top && one ? (top.intervalP99 / one.intervalP99).toFixed(2) : '—'}× the 1-call pacing | ≥ ${concurrentGoal} calls within bounds (p99 ≤ ${voicePacingBound.intervalP99Ms} ms, no loss) | ${met(voice.maxHeld >= concurrentGoal)} |

How: everything runs on loopback beside a Temporal dev server (in memory). The caller is the
benchmark's own SIP UAC (\`runtime/bench/voice-caller.ts\`) in a child process, so its clock and
event loop are not the endpoint's: it sends INVITE with an SDP offer (PCMU, telephone-event/101),
ACKs, receives RTP, presses the key as RFC 4733 events once the whole menu prompt has arrived
(counted in packets, 30 ms after the last), and timestamps the first event packet it sends and the first packet with the marker bit
(RFC 3550: the start of a talkspurt) that arrives after it. The flow runs on the product's parts:
\`startVoiceEndpoint\` (SIP endpoint and its call-queue worker), \`flowWorkerParts\` (flowRun and
node activities, embedded PGlite), the API publishing the flow; prompts are espeak-ng + sox WAVs,
synthesised before the first call. ${latency.doubled === 0 ? 'No call heard more than one prompt start after its key (the speculative prompt was adopted, never doubled).' : `${latency.doubled} calls heard more than one prompt start after the key.`}
The endpoint process's longest event-loop stall while the calls ran: ${ms(latency.loopDelayMaxMs.flow)}
in the flow's rounds, ${ms(latency.loopDelayMaxMs.driver)} in the driver's (a key waits for a stalled loop
like anything else; on this shared machine other jobs' load shows up there).
The baseline is a second SIP endpoint in the same process answering with the same prompts and a
plain \`say → gather → say → hangup\` on the \`Call\` — the driver's own floor. Rounds run A B / B A.
Concurrency: calls to a \`voice.play\` of a 10-minute recording are added 5 at a time; after each
step up to ${voice.sampledCalls} calls are sampled for ${voice.windowMs / 1000} s: inter-arrival of their packets (the
caller's receive times) and sequence gaps. Steps: ${stageList}. RTP ports ${process.env.OMNIFLOW_RTP_PORT_MIN ?? 30000}–${process.env.OMNIFLOW_RTP_PORT_MAX ?? 31999}.
`;
}
