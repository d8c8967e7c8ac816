import { describe, expect, it } from 'vitest';
import { issueSessionToken, newSessionId, verifySessionToken } from './session-token.ts';

const secret = 'a-server-secret-of-some-length';

describe('web chat session tokens', () => {
  it('accepts the token issued for the same workspace and session', () => {
    const session = newSessionId();
    const token = issueSessionToken(secret, 'ws-1', session);
    expect(verifySessionToken(secret, 'ws-1', session, token)).toBe(true);
  });

  it('refuses a token for another session, another workspace, another secret, or a tampered one', () => {
    const session = newSessionId();
    const token = issueSessionToken(secret, 'ws-1', session);
    expect(verifySessionToken(secret, 'ws-1', newSessionId(), token)).toBe(false);
    expect(verifySessionToken(secret, 'ws-2', session, token)).toBe(false);
    expect(verifySessionToken('another-secret-entirely!!', 'ws-1', session, token)).toBe(false);
    // One character changed (never to itself: a token that already ends in A once passed as "tampered").
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(verifySessionToken(secret, 'ws-1', session, tampered)).toBe(false);
    expect(verifySessionToken(secret, 'ws-1', session, 'wc1.')).toBe(false);
    expect(verifySessionToken(secret, 'ws-1', session, '')).toBe(false);
  });

  it('makes session ids that do not repeat and are lowercase (the runs console searches contacts in lowercase)', () => {
    const ids = new Set(Array.from({ length: 1000 }, newSessionId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});
