import type { Call } from '../drivers/voice/voice-driver.ts';

export interface JoinRequest {
  workspaceId: string;
  queue: string;
  call: Call;
  /** SIP URIs or numbers rung for this caller, in order of preference. */
  agents: string[];
  ringTimeoutMs: number;
}

export interface QueueTicket {
  /** 1 for the caller at the head of the queue. */
  position(): number;
  /**
   * Resolves when an agent answered and is bridged to the caller; rejects when an agent cannot be
   * called at all (an address that is not SIP, a number without a trunk): waiting would not help.
   */
  readonly connected: Promise<{ agent: string }>;
  /** Leaves the queue (max wait over, caller gone); a ringing agent is cancelled. */
  leave(): void;
}

interface Entry {
  call: Call;
  agents: string[];
  ringTimeoutMs: number;
  state: 'waiting' | 'ringing' | 'done';
  /** When each agent last failed to answer this caller: it is not rung again before retryMs. */
  failedAt: Map<string, number>;
  ringing: AbortController | undefined;
  resolve: (value: { agent: string }) => void;
  reject: (error: Error) => void;
}

/** Errors that say the agent list is wrong, not that an agent is away. */
const configurationErrors = new Set(['TRANSFER_TARGET_INVALID', 'SIP_TRUNK_MISSING']);

/** How long an agent that did not answer (or was busy) rests before the same caller rings it again. */
const retryMs = 5_000;

/**
 * Agent queues of the process holding the calls (issue #6, voice.enqueue): FIFO per workspace and
 * queue name. Waiting callers are served in order: the first one waiting rings the first free
 * agent of its list; an agent is busy while it rings or is bridged to a caller, in every queue of
 * the workspace. Queues live in memory: callers are in this process anyway (their RTP is here).
 */
export class AgentQueues {
  private readonly queues = new Map<string, Entry[]>();
  /** `workspace agent` keys of agents ringing or talking. */
  private readonly busy = new Set<string>();
  private retryTimer: NodeJS.Timeout | undefined;

  /** `now` is the clock agents' rest periods are measured on (tests may pass their own). */
  constructor(private readonly now: () => number = Date.now) {}

  join(request: JoinRequest): QueueTicket {
    const key = `${request.workspaceId}\u0000${request.queue}`;
    const list = this.queues.get(key) ?? [];
    this.queues.set(key, list);
    let resolve!: Entry['resolve'];
    let reject!: Entry['reject'];
    const connected = new Promise<{ agent: string }>((onConnected, onError) => {
      resolve = onConnected;
      reject = onError;
    });
    const entry: Entry = {
      call: request.call,
      agents: request.agents,
      ringTimeoutMs: request.ringTimeoutMs,
      state: 'waiting',
      failedAt: new Map(),
      ringing: undefined,
      resolve,
      reject,
    };
    list.push(entry);
    const leave = () => {
      if (entry.state === 'done') return;
      entry.state = 'done';
      entry.ringing?.abort();
      this.remove(key, entry);
    };
    void request.call.ended.then(leave);
    this.dispatch(request.workspaceId, key);
    return {
      position: () => {
        const index = (this.queues.get(key) ?? []).indexOf(entry);
        return index < 0 ? 0 : index + 1;
      },
      connected,
      leave,
    };
  }

  /** Callers waiting in a queue (for tests and status). */
  size(workspaceId: string, queue: string): number {
    return this.queues.get(`${workspaceId}\u0000${queue}`)?.length ?? 0;
  }

  private dispatch(workspaceId: string, key: string): void {
    const list = this.queues.get(key) ?? [];
    const now = this.now();
    for (const entry of list) {
      if (entry.state !== 'waiting') continue;
      const agent = entry.agents.find(
        (candidate) =>
          !this.busy.has(`${workspaceId} ${candidate}`) &&
          now - (entry.failedAt.get(candidate) ?? -Infinity) >= retryMs,
      );
      if (agent !== undefined) this.ring(workspaceId, key, entry, agent);
    }
  }

  private ring(workspaceId: string, key: string, entry: Entry, agent: string): void {
    const busyKey = `${workspaceId} ${agent}`;
    this.busy.add(busyKey);
    entry.state = 'ringing';
    const ringing = new AbortController();
    entry.ringing = ringing;
    const free = () => {
      this.busy.delete(busyKey);
      this.dispatchAll(workspaceId);
    };
    entry.call
      .transfer(agent, 'attended', {
        ringTimeoutMs: entry.ringTimeoutMs,
        ringback: false,
        signal: ringing.signal,
      })
      .then(
        (outcome) => {
          entry.ringing = undefined;
          if (outcome === 'answered') {
            entry.state = 'done';
            this.remove(key, entry);
            entry.resolve({ agent });
            // The agent is busy until the bridge is over (either side hangs up).
            void entry.call.ended.then(free);
            return;
          }
          if (entry.state === 'ringing') entry.state = 'waiting';
          entry.failedAt.set(agent, this.now());
          this.scheduleRetry();
          free();
        },
        (error: unknown) => {
          entry.ringing = undefined;
          const code = (error as { code?: unknown } | null)?.code;
          if (typeof code === 'string' && configurationErrors.has(code) && entry.state !== 'done') {
            entry.state = 'done';
            this.remove(key, entry);
            entry.reject(error instanceof Error ? error : new Error(String(error)));
            free();
            return;
          }
          // The caller left while ringing, or the call attempt broke: rest the agent like a no-answer.
          if (entry.state === 'ringing') entry.state = 'waiting';
          entry.failedAt.set(agent, this.now());
          this.scheduleRetry();
          free();
        },
      );
  }

  private remove(key: string, entry: Entry): void {
    const list = this.queues.get(key);
    if (!list) return;
    const index = list.indexOf(entry);
    if (index >= 0) list.splice(index, 1);
    if (list.length === 0) this.queues.delete(key);
    else this.dispatch(key.split('\u0000')[0]!, key);
  }

  private dispatchAll(workspaceId: string): void {
    for (const key of this.queues.keys())
      if (key.startsWith(`${workspaceId}\u0000`)) this.dispatch(workspaceId, key);
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      for (const key of [...this.queues.keys()]) this.dispatch(key.split('\u0000')[0]!, key);
      // Agents still resting: look again once they may be rung.
      if (this.queues.size > 0) this.scheduleRetry();
    }, retryMs);
    this.retryTimer.unref();
  }
}

/** The process's queues: every enqueue activity on this worker shares them, as it shares the calls. */
export const agentQueues = new AgentQueues();
