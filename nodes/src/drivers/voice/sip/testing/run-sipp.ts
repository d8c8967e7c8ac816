import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { fileURLToPath } from 'node:url';

/** The sipp scenario files beside this module. */
export function scenarioPath(name: string): string {
  return fileURLToPath(new URL(`./${name}`, import.meta.url));
}

export interface SippRun {
  code: number | null;
  output: string;
}

export interface SippOptions {
  scenario: string;
  target: string;
  /** The number dialled: sipp's [service] (-s), the request-URI user part. */
  service: string;
  transport: 'udp' | 'tcp';
  /** sipp's own RTP port (-mp): where it sends pcaps from. */
  mediaPort: number;
  /** -key name value pairs, used as [name] in the scenario. */
  keys?: Record<string, string | number>;
  /** Working directory: where relative pcap paths in the scenario are read from. */
  cwd: string;
  timeoutSeconds?: number;
  /** sipp -d: how long a scenario's bare <pause/> lasts. */
  pauseMs?: number;
}

/** Runs one sipp call to the end and returns its exit code (0: the scenario passed) and output. */
export function runSipp(options: SippOptions): Promise<SippRun> {
  const args = [
    options.target,
    '-sf',
    scenarioPath(options.scenario),
    '-s',
    options.service,
    '-m',
    '1',
    '-t',
    options.transport === 'udp' ? 'u1' : 't1',
    '-i',
    '127.0.0.1',
    '-mp',
    String(options.mediaPort),
    '-timeout',
    `${options.timeoutSeconds ?? 60}s`,
    '-timeout_error',
    '-nostdin',
    '-trace_err',
    ...(options.pauseMs !== undefined ? ['-d', String(options.pauseMs)] : []),
    ...Object.entries(options.keys ?? {}).flatMap(([name, value]) => ['-key', name, String(value)]),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('sipp', args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: output.slice(-4000) }));
  });
}

export interface SippServerOptions {
  scenario: string;
  /** The SIP port sipp listens on (-p). */
  port: number;
  transport: 'udp' | 'tcp';
  mediaPort: number;
  keys?: Record<string, string | number>;
  cwd: string;
  timeoutSeconds?: number;
  /** sipp -d: how long a scenario's bare <pause/> lasts. */
  pauseMs?: number;
  /** Calls it takes before it exits (default 1). */
  calls?: number;
  /** Every SIP message sent and received, in order (-trace_msg): what the peer saw. */
  messageFile?: string;
}

/** Runs sipp as a UAS (a transfer target, a trunk) for `calls` calls; resolves when they are over. */
export function runSippServer(options: SippServerOptions): { done: Promise<SippRun>; stop: () => void } {
  const args = [
    '-sf',
    scenarioPath(options.scenario),
    '-p',
    String(options.port),
    '-m',
    String(options.calls ?? 1),
    ...(options.messageFile ? ['-trace_msg', '-message_file', options.messageFile] : []),
    '-t',
    options.transport === 'udp' ? 'u1' : 't1',
    '-i',
    '127.0.0.1',
    '-mp',
    String(options.mediaPort),
    '-timeout',
    `${options.timeoutSeconds ?? 60}s`,
    '-timeout_error',
    '-nostdin',
    '-trace_err',
    ...(options.pauseMs !== undefined ? ['-d', String(options.pauseMs)] : []),
    ...Object.entries(options.keys ?? {}).flatMap(([name, value]) => ['-key', name, String(value)]),
  ];
  const child = spawn('sipp', args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const done = new Promise<SippRun>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: output.slice(-4000) }));
  });
  return { done, stop: () => child.kill('SIGTERM') };
}

/** A UDP port free right now (nothing listens on it once this returns): for SIP peers in tests. */
export async function freeUdpPort(): Promise<number> {
  const socket = await bindUdp(0);
  socket.close();
  return socket.port;
}

/**
 * A free even UDP port whose +2 is free too: sipp binds its audio port and the video port above
 * it. Other test processes may take it in between; the window is milliseconds.
 */
export async function freeMediaPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = await bindUdp(0);
    const port = first.port - (first.port % 2);
    first.close();
    const audio = await bindUdp(port).catch(() => undefined);
    if (!audio) continue;
    const video = await bindUdp(port + 2).catch(() => undefined);
    audio.close();
    if (!video) continue;
    video.close();
    return port;
  }
  throw new Error('No free UDP port pair for sipp media');
}

function bindUdp(port: number): Promise<{ port: number; close: () => void }> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', (error) => {
      socket.close();
      reject(error);
    });
    socket.bind(port, '127.0.0.1', () =>
      resolve({ port: socket.address().port, close: () => socket.close() }),
    );
  });
}
