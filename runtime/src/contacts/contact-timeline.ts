import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@omniflow/db';
import { phoneForms } from './phone-forms.ts';

export const timelineKinds = ['message', 'email_event', 'call', 'run', 'campaign'] as const;

export interface TimelineItem {
  kind: (typeof timelineKinds)[number];
  id: string;
  at: string;
  channel: string | null;
  direction: string | null;
  status: string;
  detail: Record<string, unknown>;
}

interface Cursor {
  at: string;
  kind: string;
  id: string;
}

const encode = (c: Cursor) => Buffer.from(JSON.stringify([c.at, c.kind, c.id])).toString('base64url');

/** The position a cursor names, or undefined when it is not one this endpoint gave out. */
export function decodeTimelineCursor(text: string): Cursor | undefined {
  try {
    const [at, kind, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) return undefined;
    if (typeof kind !== 'string' || !(timelineKinds as readonly string[]).includes(kind)) return undefined;
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    return { at, kind, id };
  } catch {
    return undefined;
  }
}

const inList = (column: SQL, values: string[]) =>
  values.length === 0
    ? sql`false`
    : sql`${column} in (${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )})`;

/**
 * Everything that happened with a person, newest first, in one query: messages on every channel
 * (found by contact_id or by any of their addresses, as older rows have no contact_id), what
 * happened to their emails (opens, clicks, bounces), calls from or to their phones (with the
 * recording), runs started for any of their addresses, and the campaigns they were in. Times keep
 * PostgreSQL's microseconds in the cursor, so a page never skips a row that shares a millisecond.
 */
export async function contactTimeline(
  db: Db,
  workspaceId: string,
  contactId: string,
  addresses: { channel: string; address: string }[],
  page: { cursor?: Cursor; limit: number },
): Promise<{ items: TimelineItem[]; nextCursor: string | null }> {
  const phones = phoneForms(addresses);
  const lowered = [...new Set(addresses.map((a) => a.address.toLowerCase()))];
  const byAddress =
    addresses.length === 0
      ? sql`false`
      : sql`(m.channel, m.contact_address) in (${sql.join(
          addresses.map((a) => sql`(${a.channel}, ${a.address})`),
          sql`, `,
        )})`;
  const after = page.cursor
    ? sql`where (t.at, t.kind, t.id) < (${page.cursor.at}::timestamptz, ${page.cursor.kind}::text, ${page.cursor.id}::uuid)`
    : sql``;
  const result = await db.execute(sql`
    with msg as (
      select m.* from messages m
      where m.workspace_id = ${workspaceId} and (m.contact_id = ${contactId} or ${byAddress})
    )
    select t.kind, t.id, t.channel, t.direction, t.status, t.detail,
      to_char(t.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
    from (
      select 'message'::text as kind, m.id, m.created_at as at, m.channel::text as channel,
        m.direction::text as direction, m.status::text as status,
        jsonb_build_object('body', m.body, 'errorCode', m.error_code, 'campaignId', m.campaign_id,
          'runId', m.run_id, 'segments', m.segments) as detail
      from msg m
      union all
      select 'email_event'::text, e.id, e.at, 'email'::text, null::text, e.type::text,
        jsonb_build_object('messageId', e.message_id, 'url', e.url, 'proxy', e.proxy,
          'subject', m.body #>> '{email,subject}')
      from email_events e join msg m on m.id = e.message_id
      where e.workspace_id = ${workspaceId}
      union all
      select 'call'::text, c.id, c.started_at, 'voice'::text,
        case when ${inList(sql`c.from_number`, phones)} then 'inbound' else 'outbound' end,
        case when c.answered_at is null then 'missed' else 'answered' end,
        jsonb_build_object('durationMs', c.duration_ms, 'from', c.from_number, 'to', c.to_number,
          'flowId', c.flow_id, 'runId', c.run_id,
          'recordingId', (select r.id from recordings r where r.call_record_id = c.id order by r.id limit 1))
      from call_records c
      where c.workspace_id = ${workspaceId}
        and (${inList(sql`c.from_number`, phones)} or ${inList(sql`c.to_number`, phones)})
      union all
      select 'run'::text, r.id, r.started_at, null::text, null::text, r.status::text,
        jsonb_build_object('flowId', r.flow_id, 'flowName', f.name, 'version', r.version,
          'endedAt', r.ended_at)
      from runs r join flows f on f.id = r.flow_id
      where r.workspace_id = ${workspaceId} and ${inList(sql`r.contact`, lowered)}
      union all
      select 'campaign'::text, cr.campaign_id, cr.updated_at, cr.channel::text, 'outbound'::text,
        cr.status::text,
        jsonb_build_object('name', c.name, 'skipReason', cr.skip_reason, 'messageId', cr.message_id,
          'variant', cr.variant)
      from campaign_recipients cr join campaigns c on c.id = cr.campaign_id
      where cr.contact_id = ${contactId}
    ) t
    ${after}
    order by t.at desc, t.kind desc, t.id desc
    limit ${page.limit + 1}`);
  const rows = (result as unknown as { rows: TimelineItem[] }).rows;
  const items = rows.slice(0, page.limit).map((r) => ({ ...r, detail: r.detail ?? {} }));
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > page.limit && last ? encode({ at: last.at, kind: last.kind, id: last.id }) : null,
  };
}
