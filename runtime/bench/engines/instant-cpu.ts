import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { doubleIfRunFlow } from './engines-benchmark.ts';
import { startOmniflowUnderLoad, type OmniflowUnderLoad } from './omniflow-under-load.ts';
import { measuredOn } from '../measured-on.ts';
import { instantRunsHeading } from '../write-benchmarks-md.ts';

const webhookFlowFile = new URL('../../../examples/flows/webhook-double.json', import.meta.url);

/** Clock ticks per second of /proc's utime and stime (USER_HZ: 100 on every Linux Node runs on). */
const ticksPerSecond = 100;

/** CPU milliseconds a process has used so far (user + system), from /proc/<pid>/stat. */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces: the fields after it start past its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** The processes of a process group (Omniflow's: `omniflow dev` and the Temporal server it starts). */
function groupOf(pgid: number): { pid: number; name: string }[] {
  const found: { pid: number; name: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid)
        found.push({ pid: Number(entry), name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) });
    } catch {
      // Gone since the listing.
    }
  }
  return found;
}

const rssMbOf = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

export interface InstantCpuFigure {
  mode: 'temporal' | 'instant';
  what: 'webhook' | 'runs';
  requests: number;
  /** CPU per request of the Omniflow process (API, worker and embedded PGlite). */
  omniflowMs: number;
  /** CPU per request of the Temporal dev server (and anything else in Omniflow's process group). */
  temporalMs: number;
  /** Wall-clock percentiles on this (shared, loaded) machine: a hint, not the figure. */
  p50Ms: number;
  p99Ms: number;
  rssMb: number;
}

async function load(send: () => Promise<Response>, requests: number, connections: number): Promise<number[]> {
  const latencies: number[] = [];
  let left = requests;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (left-- > 0) {
        const started = performance.now();
        const response = await send();
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`answered ${response.status}`);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

async function measure(
  omniflow: OmniflowUnderLoad,
  mode: InstantCpuFigure['mode'],
  what: InstantCpuFigure['what'],
  send: () => Promise<Response>,
  requests: number,
): Promise<InstantCpuFigure> {
  // Warm the JIT, the machine cache and the connection pools first.
  await load(send, Math.min(200, requests), 10);
  const others = () => groupOf(omniflow.pid).filter((p) => p.pid !== omniflow.pid);
  const cpu = () => ({
    omniflow: cpuMsOf(omniflow.pid),
    temporal: others().reduce((sum, p) => sum + cpuMsOf(p.pid), 0),
  });
  const before = cpu();
  const latencies = await load(send, requests, 10);
  // Work the requests left behind (progress writes, webhooks out) belongs to them too.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const after = cpu();
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return {
    mode,
    what,
    requests,
    omniflowMs: (after.omniflow - before.omniflow) / requests,
    temporalMs: (after.temporal - before.temporal) / requests,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    rssMb: rssMbOf(omniflow.pid),
  };
}

/**
 * CPU per request of the engines comparison's two Omniflow loads (the webhook-double flow, and
 * `POST /runs` of the same 4-node flow), with every run through Temporal and with instant runs,
 * each on a fresh `omniflow dev`: the CPU of the Omniflow process and of the Temporal dev server
 * it started, read from /proc over `requests` requests at 10 connections. CPU, not wall time,
 * is what a shared machine can compare; the implied ceiling is the machine's cores over it.
 */
export async function instantCpuBenchmark(
  log: (line: string) => void,
  requests = Number(process.env.BENCH_INSTANT_REQUESTS ?? 1000),
): Promise<{ figures: InstantCpuFigure[]; loadAverage: number[] }> {
  const figures: InstantCpuFigure[] = [];
  for (const mode of ['temporal', 'instant'] as const) {
    const omniflow = await startOmniflowUnderLoad({ log, instantRuns: mode === 'instant' });
    try {
      const hookFlow = (await omniflow.request('/flows', {
        method: 'POST',
        body: JSON.parse(readFileSync(webhookFlowFile, 'utf8')),
      })) as { id: string };
      await omniflow.request(`/flows/${hookFlow.id}/publish`, {
        method: 'POST',
        body: { notes: 'benchmark' },
      });
      const hook = (await omniflow.request(`/flows/${hookFlow.id}/hook`)) as { productionUrl: string };
      const runFlow = (await omniflow.request('/flows', { method: 'POST', body: doubleIfRunFlow })) as {
        id: string;
      };
      await omniflow.request(`/flows/${runFlow.id}/publish`, {
        method: 'POST',
        body: { notes: 'benchmark' },
      });
      let i = 0;
      const json = { 'content-type': 'application/json' };
      const webhook = () =>
        fetch(hook.productionUrl, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ n: i++ % 2 ? 3 : 7 }),
        });
      const start = () =>
        fetch(`${omniflow.url}/api/v1/runs`, {
          method: 'POST',
          headers: { ...json, authorization: `Bearer ${omniflow.key}` },
          body: JSON.stringify({ flowId: runFlow.id, input: { n: i++ % 2 ? 3 : 7 } }),
        });
      for (const [what, send] of [
        ['webhook', webhook],
        ['runs', start],
      ] as const) {
        const figure = await measure(omniflow, mode, what, send, requests);
        log(describe(figure));
        figures.push(figure);
      }
    } finally {
      await omniflow.stop();
    }
  }
  const loadAverage = os.loadavg();
  log(`Load average while measured: ${loadAverage.map((l) => l.toFixed(2)).join(' ')}`);
  return { figures, loadAverage };
}

/** One line per figure, with the ceiling its CPU implies on this machine's cores. */
export function describe(f: InstantCpuFigure): string {
  const total = f.omniflowMs + f.temporalMs;
  const ceiling = (os.cpus().length * 1000) / total;
  return (
    `${f.mode.padEnd(8)} ${f.what.padEnd(7)} ${f.requests} requests: Omniflow ${f.omniflowMs.toFixed(1)} ms CPU/request, ` +
    `Temporal ${f.temporalMs.toFixed(1)} ms → ${ceiling.toFixed(0)} req/s on ${os.cpus().length} cores at most; ` +
    `p50 ${f.p50Ms.toFixed(1)} ms, p99 ${f.p99Ms.toFixed(1)} ms (loaded machine), RSS ${f.rssMb.toFixed(0)} MB`
  );
}

/**
 * The BENCHMARKS.md section: CPU per request with every run through Temporal (the baseline,
 * measured in the same run) and with instant runs, their ratio, and the ceiling each implies.
 */
export function instantCpuReport(figures: InstantCpuFigure[], loadAverage: number[]): string {
  const cores = os.cpus().length;
  const of = (mode: InstantCpuFigure['mode'], what: InstantCpuFigure['what']) =>
    figures.find((f) => f.mode === mode && f.what === what);
  const total = (f: InstantCpuFigure) => f.omniflowMs + f.temporalMs;
  const rows = (['webhook', 'runs'] as const).flatMap((what) => {
    const before = of('temporal', what);
    const after = of('instant', what);
    if (!before || !after) return [];
    const label =
      what === 'webhook' ? 'webhook-double (hook → set → split → respond)' : '`POST /runs`, 4-node flow';
    const line = (f: InstantCpuFigure, name: string) =>
      `| ${label} | ${name} | ${f.omniflowMs.toFixed(1)} | ${f.temporalMs.toFixed(1)} | ${total(f).toFixed(1)} | ${((cores * 1000) / total(f)).toFixed(0)} | ${f.p99Ms.toFixed(0)} | ${f.rssMb.toFixed(0)} |`;
    return [
      line(before, 'every run through Temporal'),
      line(after, `instant (${(total(before) / total(after)).toFixed(1)}× less CPU)`),
    ];
  });
  return [
    instantRunsHeading,
    '',
    `Measured ${measuredOn()} by \`npm run bench -- --only instant-cpu\`: \`omniflow dev\` (embedded PGlite, its`,
    'own Temporal dev server) started twice, first with `OMNIFLOW_INSTANT_RUNS=0`, then as installed;',
    `${figures[0]?.requests ?? 0} requests at 10 connections after a warm-up. CPU is read from /proc for the Omniflow process`,
    '(API, worker, database) and for the Temporal server it started; the ceiling is the cores over their sum.',
    `Load average while measured: ${loadAverage.map((l) => l.toFixed(2)).join(' ')} on ${cores} cores, shared with other`,
    'work: the p99 column is wall time under that load, a hint only. With instant runs the Temporal',
    "column is the dev server's idle work over the same seconds; `POST /runs` also writes its audit",
    'entry and looks its flow version up on every request, which the hook path does not.',
    '',
    '| flow | runs | Omniflow ms CPU/request | Temporal ms CPU/request | total | ceiling req/s | p99 ms | RSS MB |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
