import type { Session } from './protocol.ts';

/**
 * The visitor's session lives in the site's localStorage, per widget key, so a reload or a new
 * tab on the same site continues the same conversation.
 */
const storageKey = (key: string) => `omniflow-webchat:${key}`;

export function loadSession(key: string): Session | null {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey(key)) ?? 'null') as Partial<Session> | null;
    return saved && typeof saved.sessionId === 'string' && typeof saved.token === 'string'
      ? { sessionId: saved.sessionId, token: saved.token }
      : null;
  } catch {
    // Storage blocked (private mode, sandboxed iframe): the chat still works for this page view.
    return null;
  }
}

export function saveSession(key: string, session: Session | null): void {
  try {
    if (session) localStorage.setItem(storageKey(key), JSON.stringify(session));
    else localStorage.removeItem(storageKey(key));
  } catch {
    // As above: nothing to keep it in.
  }
}
