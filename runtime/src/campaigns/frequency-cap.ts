import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';

/**
 * Which of a chunk's people already got `cap.messages` marketing campaign messages (any
 * campaign but this one, any channel) in the last `cap.days` days: one query for the chunk, at
 * send time, since targeting may have been days earlier. Failed sends reached no one and do not count.
 */
export async function cappedContacts(
  db: Db,
  input: {
    workspaceId: string;
    campaignId: string;
    contactIds: string[];
    cap: { messages: number; days: number };
    now: string;
  },
): Promise<Set<string>> {
  if (input.contactIds.length === 0) return new Set();
  const rows = await queryRows<{ contact_id: string }>(
    db,
    sql`select m.contact_id from messages m join campaigns c on c.id = m.campaign_id
      where m.workspace_id = ${input.workspaceId}::uuid
        and m.contact_id in (${sql.join(
          input.contactIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        and m.campaign_id <> ${input.campaignId}::uuid and c.marketing and m.direction = 'outbound'
        and m.status <> 'failed'
        and m.created_at > ${input.now}::timestamptz - ${input.cap.days} * interval '1 day'
      group by m.contact_id having count(*) >= ${input.cap.messages}`,
  );
  return new Set(rows.map((r) => r.contact_id));
}
