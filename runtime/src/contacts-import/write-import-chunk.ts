import { sql } from 'drizzle-orm';
import { newId, queryRows, type Db } from '@omniflow/db';
import type { ImportedPerson, RowRejection } from './validate-row.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

interface Group {
  rows: ImportedPerson[];
  existing: string | null;
}

/** Rows of one chunk that name the same address, or the same known person, become one group. */
function groupRows(people: ImportedPerson[], known: Map<string, string>): Group[] {
  const parent = people.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const owner = new Map<string, number>();
  people.forEach((person, i) => {
    for (const { channel, address } of person.addresses) {
      const key = `${channel}:${address}`;
      const contact = known.get(key);
      for (const k of contact ? [key, `contact:${contact}`] : [key]) {
        const j = owner.get(k);
        if (j === undefined) owner.set(k, i);
        else parent[find(i)] = find(j);
      }
    }
  });
  const groups = new Map<number, Group>();
  people.forEach((person, i) => {
    const root = find(i);
    const group = groups.get(root) ?? { rows: [], existing: null };
    group.rows.push(person);
    for (const { channel, address } of person.addresses)
      group.existing ??= known.get(`${channel}:${address}`) ?? null;
    groups.set(root, group);
  });
  return [...groups.values()];
}

/** A group's rows as one person: later rows' values win, tags, fields and addresses add up. */
function mergeGroup(rows: ImportedPerson[]) {
  const merged = {
    first_name: '',
    last_name: '',
    display_name: '',
    language: null as string | null,
    timezone: null as string | null,
    tags: [] as string[],
    attributes: {} as Record<string, unknown>,
  };
  const addresses = new Map<string, { channel: string; address: string; consent: boolean }>();
  for (const row of rows) {
    merged.first_name = row.firstName || merged.first_name;
    merged.last_name = row.lastName || merged.last_name;
    merged.display_name = row.displayName || merged.display_name;
    merged.language = row.language ?? merged.language;
    merged.timezone = row.timezone ?? merged.timezone;
    for (const tag of row.tags) if (!merged.tags.includes(tag)) merged.tags.push(tag);
    Object.assign(merged.attributes, row.attributes);
    for (const a of row.addresses) {
      const key = `${a.channel}:${a.address}`;
      const before = addresses.get(key);
      addresses.set(key, { ...a, consent: row.consent || (before?.consent ?? false) });
    }
  }
  return { merged, addresses: [...addresses.values()] };
}

export interface ChunkCounts {
  created: number;
  updated: number;
}

/**
 * One chunk of an import in one transaction and six statements, whatever its size: find the
 * people its addresses already belong to, insert the new people, update the known ones, add their
 * addresses with consent (source `imported`), store the rejections and move the counts.
 */
export async function writeImportChunk(
  db: Db,
  target: { workspaceId: string; importId: string; now: Date },
  people: ImportedPerson[],
  rejections: RowRejection[],
  processedRows: number,
): Promise<ChunkCounts> {
  const { workspaceId, importId } = target;
  const now = target.now.toISOString();
  return db.transaction(async (tx: Tx) => {
    const wanted = people.flatMap((p) => p.addresses);
    const known = new Map<string, string>();
    const consented = new Set<string>();
    if (wanted.length > 0) {
      const found = await queryRows<{
        channel: string;
        address: string;
        contact_id: string;
        consented: boolean;
      }>(
        tx as unknown as Db,
        sql`select cc.channel, cc.address, cc.contact_id, cc.consent_at is not null as consented
          from jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) as a(channel text, address text)
          join contact_channels cc
            on cc.workspace_id = ${workspaceId} and cc.channel = a.channel and cc.address = a.address`,
      );
      for (const row of found) {
        known.set(`${row.channel}:${row.address}`, row.contact_id);
        if (row.consented) consented.add(`${row.channel}:${row.address}`);
      }
    }
    const inserts: Record<string, unknown>[] = [];
    const updates: Record<string, unknown>[] = [];
    const channels: Record<string, unknown>[] = [];
    const counts: ChunkCounts = { created: 0, updated: 0 };
    for (const group of groupRows(people, known)) {
      const { merged, addresses } = mergeGroup(group.rows);
      const id = group.existing ?? newId();
      (group.existing ? updates : inserts).push({ id, ...merged });
      counts.created += group.existing ? 0 : 1;
      counts.updated += group.existing ? group.rows.length : group.rows.length - 1;
      for (const a of addresses) {
        const key = `${a.channel}:${a.address}`;
        // An address on file changes only when the file brings consent it did not have.
        if (known.has(key) && (!a.consent || consented.has(key))) continue;
        channels.push({
          id: newId(),
          contact_id: id,
          channel: a.channel,
          address: a.address,
          consent_at: a.consent ? now : null,
        });
      }
    }
    const columns = sql.raw(`id uuid, first_name text, last_name text, display_name text, language text,
      timezone text, tags text[], attributes jsonb`);
    if (inserts.length > 0)
      await tx.execute(sql`insert into contacts (id, workspace_id, first_name, last_name, display_name,
          language, timezone, tags, attributes, created_at, updated_at)
        select c.id, ${workspaceId}, c.first_name, c.last_name, c.display_name, c.language, c.timezone,
          c.tags, c.attributes, ${now}, ${now}
        from jsonb_to_recordset(${JSON.stringify(inserts)}::jsonb) as c(${columns})`);
    if (updates.length > 0)
      // A blank cell keeps what the person has: an import adds to a contact, it never erases.
      await tx.execute(sql`update contacts set
          first_name = case when u.first_name <> '' then u.first_name else contacts.first_name end,
          last_name = case when u.last_name <> '' then u.last_name else contacts.last_name end,
          display_name = case when u.display_name <> '' then u.display_name else contacts.display_name end,
          language = coalesce(u.language, contacts.language),
          timezone = coalesce(u.timezone, contacts.timezone),
          tags = array(select distinct t from unnest(contacts.tags || u.tags) as t order by t),
          attributes = contacts.attributes || u.attributes,
          updated_at = ${now}
        from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as u(${columns})
        where contacts.id = u.id and contacts.workspace_id = ${workspaceId}
          -- A row that changes nothing is not rewritten: re-importing a list costs a lookup only.
          and ((u.first_name <> '' and u.first_name <> contacts.first_name)
            or (u.last_name <> '' and u.last_name <> contacts.last_name)
            or (u.display_name <> '' and u.display_name <> contacts.display_name)
            or u.language <> contacts.language or (u.language is not null and contacts.language is null)
            or u.timezone <> contacts.timezone or (u.timezone is not null and contacts.timezone is null)
            or not contacts.tags @> u.tags or not contacts.attributes @> u.attributes)`);
    if (channels.length > 0)
      // An address already on file keeps its owner and its consent (and any opt-out): the import
      // only records consent where none was given yet.
      await tx.execute(sql`insert into contact_channels (id, workspace_id, contact_id, channel, address,
          consent_at, consent_source)
        select a.id, ${workspaceId}, a.contact_id, a.channel, a.address, a.consent_at,
          case when a.consent_at is null then null else 'imported' end
        from jsonb_to_recordset(${JSON.stringify(channels)}::jsonb) as a(id uuid, contact_id uuid,
          channel text, address text, consent_at timestamptz)
        on conflict (workspace_id, channel, address) do update set
          consent_at = excluded.consent_at, consent_source = excluded.consent_source
        where contact_channels.consent_at is null and excluded.consent_at is not null`);
    if (rejections.length > 0)
      await tx.execute(sql`insert into contact_import_rejections (import_id, line, field, code, reason)
        select ${importId}, r.line, r.field, r.code, r.reason
        from jsonb_to_recordset(${JSON.stringify(rejections)}::jsonb) as r(line integer, field text,
          code text, reason text)
        on conflict do nothing`);
    await tx.execute(sql`update contact_imports set
        processed_rows = processed_rows + ${processedRows},
        created = created + ${counts.created},
        updated = updated + ${counts.updated},
        rejected = rejected + ${new Set(rejections.map((r) => r.line)).size}
      where id = ${importId}`);
    return counts;
  });
}
