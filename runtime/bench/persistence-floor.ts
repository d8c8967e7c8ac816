import { sql } from 'drizzle-orm';
import { newId, type Db } from '@omniflow/db';

/**
 * The least a campaign must write per person — one message row with its provider id — done in
 * the same run as the raw SMPP baseline and at the same time as it (the campaign path overlaps
 * them too): what the raw client would reach if it kept the record the issue asks for. Rows go
 * 500 per statement, as campaign-sending.ts writes them; no recipients, no updates, no reads.
 */
export async function writeMessageRows(db: Db, workspaceId: string, people: number): Promise<void> {
  const history = JSON.stringify([{ status: 'sent', at: new Date().toISOString() }]);
  for (let at = 0; at < people; at += 500) {
    const rows = Array.from({ length: Math.min(500, people - at) }, (_, i) => ({
      id: newId(),
      address: `+519${String(at + i).padStart(8, '0')}`,
      key: `floor:${at + i}`,
      provider: `floor-${at + i}`,
      body: { text: `Hola Ana${at + i + 1}, su cita es manana a las 9.` },
    }));
    await db.execute(sql`insert into messages (id, workspace_id, channel, direction, contact_address, our_address,
        idempotency_key, provider_message_id, segments, body, status, status_history)
      select v.id, ${workspaceId}::uuid, 'sms', 'outbound', v.address, '', v.key, v.provider, 1, v.body, 'sent',
        ${history}::jsonb
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, address text, key text, provider text, body jsonb)`);
  }
}
