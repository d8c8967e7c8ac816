import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';
import type { HealthProbe } from './health-reading.ts';

/**
 * Each workspace with WhatsApp Cloud saved: its webhook is what brings messages and receipts, so
 * the last one it brought is the last success. Meta calls us, never the other way, so nothing
 * here can tell a quiet hour from a broken webhook: the reading stays up and shows the time.
 */
export function whatsappProbe(db: Db): HealthProbe {
  return async () => {
    const rows = await queryRows<{ workspace_id: string; last: Date | string | null }>(
      db,
      sql`select c.workspace_id,
          (select max(m.updated_at) from messages m
            where m.workspace_id = c.workspace_id and m.channel = 'whatsapp'
              and (m.direction = 'inbound' or m.status in ('delivered', 'read', 'failed'))) as last
        from credentials c where c.provider = 'whatsapp-cloud'`,
    );
    return rows.map((row) => ({
      workspaceId: row.workspace_id,
      component: 'whatsapp',
      kind: 'whatsapp-cloud',
      up: true,
      lastSuccessAt: row.last === null ? null : new Date(row.last),
    }));
  };
}
