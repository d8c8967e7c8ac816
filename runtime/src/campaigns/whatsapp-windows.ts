import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';
import { serviceWindow } from '@omniflow/nodes/drivers/whatsapp';

/**
 * The WhatsApp addresses of a chunk whose 24 h customer-service window is open at `now` (they
 * wrote to us less than a day ago: contact_channels.last_inbound_at), in one query.
 */
export async function openWhatsAppWindows(
  db: Db,
  workspaceId: string,
  addresses: string[],
  now: Date,
): Promise<Set<string>> {
  if (addresses.length === 0) return new Set();
  const rows = await queryRows<{ address: string; last_inbound_at: Date | string | null }>(
    db,
    sql`select address, last_inbound_at from contact_channels
      where workspace_id = ${workspaceId}::uuid and channel = 'whatsapp' and last_inbound_at is not null
        and address in (${sql.join(
          addresses.map((a) => sql`${a}`),
          sql`, `,
        )})`,
  );
  return new Set(
    rows
      .filter((r) => r.last_inbound_at && serviceWindow(new Date(r.last_inbound_at), now).open)
      .map((r) => r.address),
  );
}
