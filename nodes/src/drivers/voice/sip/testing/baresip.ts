import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { createConnection, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { encodeWav } from '../wav-file.ts';
import { tone } from '../tones.ts';
import { freeUdpPort } from './run-sipp.ts';

// baresip 1.0.0 (Debian baresip-core) as a real softphone in tests: headless, its audio from a
// WAV (aufile), what it hears dumped to WAV by the sndfile filter (aufile in 1.0.0 is a source
// only, so there is no file player: aubridge stands in as a player that goes nowhere), and
// driven over ctrl_tcp: netstring-framed JSON, `<len>:{"command":"dial","params":"sip:…"},`,
// answered by `{"response":true,"ok":…,"data":…,"token":…}`, with events
// `{"event":true,"type":"CALL_ESTABLISHED",…}` on the same connection. Commands come from the
// menu module (dial, hangup, hold, resume, accept).

export interface BaresipOptions {
  /** A folder of its own: config, accounts, the tone it sends and the WAVs it records. */
  dir: string;
  /** SIP user of its account. */
  user: string;
  /** The tone it sends for the whole call (tone-coded audio), 8 kHz. */
  toneHz: number;
  /** Answer incoming calls at once (an agent's phone). */
  autoAnswer?: boolean;
}

export interface BaresipEvent {
  type: string;
  [key: string]: unknown;
}

export class Baresip {
  readonly events: BaresipEvent[] = [];
  private buffer = Buffer.alloc(0);
  private waiters: Array<{ match: (event: BaresipEvent) => boolean; resolve: (e: BaresipEvent) => void }> =
    [];
  private pending = new Map<string, (response: { ok: boolean; data: string }) => void>();
  private token = 0;
  private output = '';

  private constructor(
    readonly options: BaresipOptions,
    readonly sipPort: number,
    private readonly child: ChildProcess,
    private readonly control: Socket,
  ) {
    control.on('data', (chunk: Buffer) => this.receive(chunk));
    child.stdout?.on(
      'data',
      (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-8000)),
    );
    child.stderr?.on(
      'data',
      (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-8000)),
    );
  }

  /** Its address of record: where to call it. */
  get uri(): string {
    return `sip:${this.options.user}@127.0.0.1:${this.sipPort}`;
  }

  /** The last of its console output, for failure messages. */
  get log(): string {
    return this.output;
  }

  /**
   * Starts baresip on free ports. Its SIP port is picked free for UDP, but baresip also listens on
   * it for TCP, where another process may hold the number: then it exits with 98 (EADDRINUSE)
   * and another pair of ports is tried.
   */
  static async start(options: BaresipOptions): Promise<Baresip> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await Baresip.startOnce(options);
      } catch (error) {
        if (!(error instanceof BaresipExited) || error.exitCode !== 98 || attempt >= 5) throw error;
      }
    }
  }

  private static async startOnce(options: BaresipOptions): Promise<Baresip> {
    await mkdir(options.dir, { recursive: true });
    const sipPort = await freeUdpPort();
    const ctrlPort = await freeTcpPort();
    const source = join(options.dir, 'send.wav');
    // Long enough for any test call: aufile stops sending at the end of the file.
    await writeFile(source, encodeWav(tone(options.toneHz, 120_000, 8000)));
    await writeFile(
      join(options.dir, 'config'),
      [
        'poll_method epoll',
        `sip_listen 127.0.0.1:${sipPort}`,
        `audio_source aufile,${source}`,
        'audio_player aubridge,nowhere',
        'audio_alert aubridge,nowhere',
        'module_path /usr/lib/baresip/modules',
        'module g711.so',
        'module aufile.so',
        'module aubridge.so',
        'module sndfile.so',
        'module_app account.so',
        'module_app menu.so',
        'module_app ctrl_tcp.so',
        `ctrl_tcp_listen 127.0.0.1:${ctrlPort}`,
        `snd_path ${options.dir}`,
        '',
      ].join('\n'),
    );
    await writeFile(
      join(options.dir, 'accounts'),
      `<sip:${options.user}@127.0.0.1>;regint=0;answermode=${options.autoAnswer ? 'auto' : 'manual'};audio_codecs=PCMU,PCMA\n`,
    );
    const child = spawn('baresip', ['-f', options.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const control = await connectWhenReady(ctrlPort, child);
    return new Baresip(options, sipPort, child, control);
  }

  /** Sends a ctrl_tcp command and waits for its response. */
  command(command: string, params = ''): Promise<{ ok: boolean; data: string }> {
    const token = String(++this.token);
    const json = Buffer.from(JSON.stringify({ command, params, token }));
    this.control.write(Buffer.concat([Buffer.from(`${json.length}:`), json, Buffer.from(',')]));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`baresip did not answer ${command}\n${this.output}`)),
        5000,
      );
      this.pending.set(token, (response) => {
        clearTimeout(timer);
        resolve(response);
      });
    });
  }

  /** The first event of `type` (already seen or still to come). */
  waitForEvent(type: string, timeoutMs = 20_000): Promise<BaresipEvent> {
    const seen = this.events.find((e) => e.type === type);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`baresip (${this.options.user}) saw no ${type} in ${timeoutMs} ms\n${this.output}`),
          ),
        timeoutMs,
      );
      this.waiters.push({
        match: (e) => e.type === type,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      });
    });
  }

  /** WAVs of what it heard (sndfile's decoder-side dumps), one per call. */
  async heardFiles(): Promise<string[]> {
    const files = await readdir(this.options.dir);
    return files
      .filter((f) => f.startsWith('dump-') && f.endsWith('-dec.wav'))
      .map((f) => join(this.options.dir, f));
  }

  async stop(): Promise<void> {
    this.control.destroy();
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString());
      if (this.buffer.length < colon + 1 + length + 1) return;
      const body = this.buffer.subarray(colon + 1, colon + 1 + length).toString();
      this.buffer = this.buffer.subarray(colon + 1 + length + 1);
      let message: Record<string, unknown>;
      try {
        message = JSON.parse(body) as Record<string, unknown>;
      } catch {
        continue;
      }
      if (message.response) {
        const token = String(message.token ?? '');
        this.pending.get(token)?.({ ok: Boolean(message.ok), data: String(message.data ?? '') });
        this.pending.delete(token);
      } else if (message.event) {
        const event = message as BaresipEvent;
        this.events.push(event);
        for (const waiter of [...this.waiters]) {
          if (!waiter.match(event)) continue;
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(event);
        }
      }
    }
  }
}

class BaresipExited extends Error {
  constructor(readonly exitCode: number) {
    super(`baresip exited with ${exitCode}`);
  }
}

function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** ctrl_tcp listens once baresip has loaded its modules: retry the connection for a few seconds. */
async function connectWhenReady(port: number, child: ChildProcess): Promise<Socket> {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new BaresipExited(child.exitCode);
    try {
      return await new Promise<Socket>((resolve, reject) => {
        const socket = createConnection({ host: '127.0.0.1', port });
        socket.once('connect', () => resolve(socket));
        socket.once('error', reject);
      });
    } catch (error) {
      if (Date.now() - started > 10_000) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
