import { eq } from 'drizzle-orm';
import { imapMailboxes, type Db } from '@omniflow/db';
import type { HealthProbe } from './health-reading.ts';

/**
 * Each enabled IMAP mailbox workspaces saved, as its poller last wrote it on the row: up when it
 * signed in since its last error. The pollers live in the API process; reading their row lets
 * any process's sampler report them.
 */
export function imapProbe(db: Db): HealthProbe {
  return async () => {
    const rows = await db.select().from(imapMailboxes).where(eq(imapMailboxes.enabled, true));
    return rows.map((row) => {
      const connected = row.connectedAt?.getTime() ?? -1;
      const failed = row.lastErrorAt?.getTime() ?? -1;
      const up = connected >= 0 && connected >= failed;
      return {
        workspaceId: row.workspaceId,
        component: `imap:${row.address}`,
        kind: 'imap',
        up,
        lastSuccessAt:
          row.lastMailAt && row.lastMailAt > (row.connectedAt ?? 0) ? row.lastMailAt : row.connectedAt,
        ...(row.lastError
          ? { error: row.lastError, lastErrorAt: row.lastErrorAt }
          : up
            ? {}
            : { error: 'not signed in yet' }),
      };
    });
  };
}
