import { and, eq, lt, or, isNull } from 'drizzle-orm';
import { sessions, type Db } from '@omniflow/db';

// A write per request would be a write per poll; a minute is precise enough for "last seen".
const touchEveryMs = 60_000;

/** Marks a session seen now, at most once a minute; never fails the request it rides on. */
export function touchSession(db: Db, sessionId: string, lastSeenAt: Date | null): void {
  const now = new Date();
  if (lastSeenAt && now.getTime() - lastSeenAt.getTime() < touchEveryMs) return;
  const before = new Date(now.getTime() - touchEveryMs);
  void db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(and(eq(sessions.id, sessionId), or(isNull(sessions.lastSeenAt), lt(sessions.lastSeenAt, before))))
    .catch(() => undefined);
}
