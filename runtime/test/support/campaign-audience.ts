import { sql } from 'drizzle-orm';
import { newId, type Db } from '@omniflow/db';

export interface AudienceOptions {
  workspaceId: string;
  count: number;
  channel: 'sms' | 'email';
  /** Contacts n where n % optOutEvery === 1 opted out; n % noAddressEvery === 2 have no address. */
  optOutEvery?: number;
  noAddressEvery?: number;
  timezone?: (n: number) => string | null;
}

/** The address of contact n (1-based) as the campaign tests seed it. */
export const addressOf = (channel: 'sms' | 'email', n: number) =>
  channel === 'sms' ? `+51900${String(n).padStart(6, '0')}` : `person${n}@example.test`;

/**
 * A static segment of `count` contacts with consented addresses, written by SQL a few statements
 * at a time (a 100k audience in seconds).
 */
export async function seedAudience(db: Db, options: AudienceOptions): Promise<{ segmentId: string }> {
  const segmentId = newId();
  const ws = sql`${options.workspaceId}::uuid`;
  await db.execute(
    sql`insert into segments (id, workspace_id, name, kind) values (${segmentId}::uuid, ${ws}, ${`audience ${segmentId}`}, 'static')`,
  );
  const zones = options.timezone
    ? sql`(array[${sql.join(
        Array.from({ length: 10 }, (_, i) => sql`${options.timezone!(i)}`),
        sql`, `,
      )}]::text[])[(n % 10) + 1]`
    : sql`null`;
  await db.execute(sql`insert into contacts (id, workspace_id, display_name, first_name, timezone, attributes)
    select gen_random_uuid(), ${ws}, 'Person ' || n, 'Ana' || n, ${zones}, jsonb_build_object('n', n)
    from generate_series(1, ${options.count}) n`);
  const optOut = options.optOutEvery ?? 0;
  const noAddress = options.noAddressEvery ?? 0;
  const address =
    options.channel === 'sms'
      ? sql`'+51900' || lpad((c.attributes->>'n'), 6, '0')`
      : sql`'person' || (c.attributes->>'n') || '@example.test'`;
  await db.execute(sql`insert into contact_channels (id, workspace_id, contact_id, channel, address, consent_at, consent_source, opted_out_at)
    select gen_random_uuid(), ${ws}, c.id, ${options.channel}, ${address}, now(), 'imported',
      case when ${optOut} > 0 and (c.attributes->>'n')::int % ${optOut} = 1 then now() end
    from contacts c where c.workspace_id = ${ws} and c.attributes ? 'n'
      and not (${noAddress} > 0 and (c.attributes->>'n')::int % ${noAddress} = 2)`);
  await db.execute(sql`insert into segment_members (segment_id, contact_id)
    select ${segmentId}::uuid, id from contacts where workspace_id = ${ws} and attributes ? 'n'`);
  return { segmentId };
}
