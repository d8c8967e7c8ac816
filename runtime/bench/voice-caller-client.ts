import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CallerRequest, MenuResult, PacingResult, Target } from './voice-caller.ts';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

/** The benchmark's SIP caller, in its own process: see voice-caller.ts. */
export class VoiceCaller {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: { id: number; ok: boolean; result?: unknown; error?: string }) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.result);
      else waiter.reject(new Error(reply.error));
    });
    child.on('exit', (code) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`The caller exited (${code})`));
      this.pending.clear();
    });
  }

  static async start(): Promise<VoiceCaller> {
    const child = fork(fileURLToPath(new URL('./voice-caller.ts', import.meta.url)), {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`The caller did not start (${code})`)));
    });
    return new VoiceCaller(child);
  }

  private request<T>(request: DistributiveOmit<CallerRequest, 'id'>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ ...request, id });
    });
  }

  /** Calls `number`, presses `digit` once the menu's prompt (`menuPackets` long) is over, and times the next prompt. */
  menu(target: Target, number: string, digit: string, menuPackets: number): Promise<MenuResult> {
    return this.request({ op: 'menu', target, number, digit, menuPackets });
  }

  /** Calls `number` and stays on the line once its prompt streams. */
  hold(target: Target, number: string): Promise<{ calls: number }> {
    return this.request({ op: 'hold', target, number });
  }

  /** Inter-packet intervals and losses of `sample` held calls over `ms`. */
  measure(ms: number, sample: number): Promise<PacingResult> {
    return this.request({ op: 'measure', ms, sample });
  }

  hangUpAll(): Promise<{ calls: number }> {
    return this.request({ op: 'bye-all' });
  }

  stop(): void {
    this.child.disconnect();
  }
}
