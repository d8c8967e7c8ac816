import type { ConcatInfo } from './concatenation.ts';

export interface InboundPart {
  from: string;
  to: string;
  text: string;
  concat: ConcatInfo | undefined;
}

export interface ReassembledMessage {
  /** Identifies the group, to forget it once the message has been handed on. */
  key: string;
  from: string;
  to: string;
  text: string;
  /** False when the wait for missing parts ran out and this is what arrived. */
  complete: boolean;
}

interface Group {
  from: string;
  to: string;
  total: number;
  parts: Map<number, string>;
  timer: NodeJS.Timeout;
}

/**
 * Joins the parts of a concatenated inbound SMS, which may arrive in any order and interleaved
 * with other senders' parts. A group stays until `forget` so that, if handing the message on
 * fails and the SMSC redelivers the last part, the whole message is emitted again.
 */
export class InboundReassembler {
  private readonly groups = new Map<string, Group>();

  constructor(
    private readonly timeoutMs: number,
    private readonly onIncomplete: (message: ReassembledMessage) => void,
  ) {}

  /** The whole message once its last part is in; undefined while parts are missing. */
  add(part: InboundPart): ReassembledMessage | undefined {
    if (!part.concat || part.concat.total === 1) {
      return { key: '', from: part.from, to: part.to, text: part.text, complete: true };
    }
    const { reference, total, sequence } = part.concat;
    const key = `${part.from}\u0000${part.to}\u0000${reference}\u0000${total}`;
    let group = this.groups.get(key);
    if (!group) {
      const timer = setTimeout(() => this.expire(key), this.timeoutMs);
      timer.unref();
      group = { from: part.from, to: part.to, total, parts: new Map(), timer };
      this.groups.set(key, group);
    }
    group.parts.set(sequence, part.text);
    if (group.parts.size < total) return undefined;
    return { key, from: group.from, to: group.to, text: joined(group), complete: true };
  }

  forget(key: string): void {
    const group = this.groups.get(key);
    if (!group) return;
    clearTimeout(group.timer);
    this.groups.delete(key);
  }

  close(): void {
    for (const group of this.groups.values()) clearTimeout(group.timer);
    this.groups.clear();
  }

  private expire(key: string): void {
    const group = this.groups.get(key);
    if (!group) return;
    this.groups.delete(key);
    // Half a message is still what the person wrote; dropping it would lose it silently.
    this.onIncomplete({ key, from: group.from, to: group.to, text: joined(group), complete: false });
  }
}

function joined(group: Group): string {
  return [...group.parts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, text]) => text)
    .join('');
}
