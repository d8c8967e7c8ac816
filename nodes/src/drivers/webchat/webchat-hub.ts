import type { WebChatEvent } from './webchat-events.ts';

export type WebChatListener = (event: WebChatEvent) => void;

/**
 * The live connections of each visitor session in this process: a visitor may have the chat open
 * in several tabs, and each tab gets every event. Messages are also in the `messages` table, so a
 * connection that misses an event (closed, another process) gets it from the history on reconnect.
 */
export class WebChatHub {
  private readonly sessions = new Map<string, Set<WebChatListener>>();

  subscribe(sessionId: string, listener: WebChatListener): () => void {
    let listeners = this.sessions.get(sessionId);
    if (!listeners) this.sessions.set(sessionId, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.sessions.get(sessionId) === listeners) this.sessions.delete(sessionId);
    };
  }

  /** Sends to every live connection of the session; answers how many there were. */
  publish(sessionId: string, event: WebChatEvent): number {
    const listeners = [...(this.sessions.get(sessionId) ?? [])];
    for (const listener of listeners) listener(event);
    return listeners.length;
  }

  connections(sessionId: string): number {
    return this.sessions.get(sessionId)?.size ?? 0;
  }

  /** Sessions with at least one live connection here. */
  liveSessions(): string[] {
    return [...this.sessions.keys()];
  }
}
