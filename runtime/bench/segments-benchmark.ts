import os from 'node:os';
import { sql } from 'drizzle-orm';
import { contactFields, newId, openDb, workspaces, type Db } from '@omniflow/db';
import { progressBar } from '../src/cli/progress-bar.ts';
import { countContacts } from '../src/segments/segment-contacts.ts';
import { segmentCondition } from '../src/segments/segment-condition.ts';
import type { SegmentGroup } from '../src/segments/segment-rules.ts';
import { freshPostgresDatabase } from '../test/support/postgres.ts';
import { median } from './median.ts';

const scale = Number(process.env.BENCH_SEGMENTS_CONTACTS ?? 1_000_000);
const postgresUrl = process.env.BENCH_SEGMENTS_DATABASE_URL ?? process.env.OMNIFLOW_TEST_DATABASE_URL;
const rounds = 15;

/** The typical rule the issue names: a tag, a custom field and consent on a channel. */
export const typicalRule: SegmentGroup = {
  kind: 'group',
  match: 'all',
  rules: [
    { kind: 'tags', operator: 'has', tags: ['vip'] },
    { kind: 'custom', key: 'ciudad', operator: 'equals', value: 'Lima' },
    { kind: 'consent', channel: 'sms', state: 'consented' },
  ],
};

/** A wider one: OR of two cities, a number range and no opt-out on email. */
const widerRule: SegmentGroup = {
  kind: 'group',
  match: 'all',
  rules: [
    {
      kind: 'group',
      match: 'any',
      rules: [
        { kind: 'custom', key: 'ciudad', operator: 'equals', value: 'Lima' },
        { kind: 'custom', key: 'ciudad', operator: 'equals', value: 'Cusco' },
      ],
    },
    { kind: 'custom', key: 'edad', operator: 'between', values: [30, 50] },
    { kind: 'tags', operator: 'has_not', tags: ['blocked'] },
  ],
};

/**
 * Contacts `from`…`to` in one statement each for people and their SMS addresses: a tenth VIP, a
 * quarter in each of four cities, ages 18–97, SMS consent for nine in ten (one in fifty opted out).
 */
export async function seedContacts(db: Db, workspaceId: string, from: number, to: number) {
  const ids = sql`(lpad(to_hex(1700000000000 + i), 12, '0') || '7' || substr(md5(i::text), 1, 3) || '8'
    || substr(md5(i::text), 4, 15))::uuid`;
  await db.execute(sql`
    insert into contacts (id, workspace_id, first_name, display_name, tags, attributes)
    select ${ids}, ${workspaceId}::uuid, 'P' || i, 'Person ' || i,
      case when i % 10 = 0 then array['vip'] when i % 97 = 0 then array['blocked'] else '{}'::text[] end,
      jsonb_build_object('ciudad', (array['Lima', 'Cusco', 'Arequipa', 'Madrid'])[1 + i % 4], 'edad', 18 + i % 80)
    from generate_series(${from}::int, ${to - 1}::int) as i`);
  await db.execute(sql`
    insert into contact_channels (id, workspace_id, contact_id, channel, address, consent_at, consent_source,
      opted_out_at)
    select ${ids}, ${workspaceId}::uuid, ${ids}, 'sms', '+51' || lpad(i::text, 9, '0'),
      case when i % 10 <> 9 then now() end, case when i % 10 <> 9 then 'imported' end,
      case when i % 50 = 1 then now() end
    from generate_series(${from}::int, ${to - 1}::int) as i`);
}

export interface SegmentFigures {
  scale: number;
  database: 'PostgreSQL' | 'PGlite';
  /** Plain count(*) of the workspace's contacts: what any count over them costs at least. */
  baselineMs: number;
  rules: { name: string; count: number; ms: number }[];
  /** The machine's 1-minute load average as the figures were taken (other work slows them). */
  load: number;
}

/**
 * The live count a person sees while editing a segment (what POST /segments/count does: load the
 * workspace's fields, compile, count) on `scale` contacts, against a plain count of them.
 */
export async function segmentsBenchmark(): Promise<SegmentFigures> {
  const fresh = postgresUrl ? await freshPostgresDatabase(postgresUrl) : undefined;
  const handle = await openDb(fresh ? { databaseUrl: fresh.url } : { dataDir: 'memory://' });
  try {
    const db = handle.db;
    const workspaceId = newId();
    await db.insert(workspaces).values({ id: workspaceId, name: 'bench' });
    await db.insert(contactFields).values([
      { id: newId(), workspaceId, key: 'ciudad', label: 'Ciudad', type: 'text' },
      { id: newId(), workspaceId, key: 'edad', label: 'Edad', type: 'number' },
    ]);
    const bar = progressBar(`Seeding ${scale.toLocaleString('en')} contacts`, scale);
    const step = 100_000;
    for (let from = 0; from < scale; from += step) {
      await seedContacts(db, workspaceId, from, Math.min(scale, from + step));
      bar.update(Math.min(scale, from + step));
    }
    bar.done();
    // What autovacuum does after a bulk load (an import): statistics, and the visibility map that
    // lets index-only scans skip the table.
    await db.execute(sql`vacuum analyze contacts`);
    await db.execute(sql`vacuum analyze contact_channels`);

    const time = async (work: () => Promise<number>) => {
      const times: number[] = [];
      let count = 0;
      for (let i = 0; i < rounds; i++) {
        const started = performance.now();
        count = await work();
        times.push(performance.now() - started);
      }
      // The first rounds warm the caches; measure the steady state.
      return { count, ms: median(times.slice(3)) };
    };
    const measureRules = async () => {
      const out: { name: string; count: number; ms: number }[] = [];
      for (const [name, rule] of [
        ['tag + custom field + SMS consent', typicalRule],
        ['(city A or city B) + age between + no tag', widerRule],
      ] as const)
        out.push({
          name,
          ...(await time(async () =>
            countContacts(db, workspaceId, await segmentCondition(db, workspaceId, rule)),
          )),
        });
      return out;
    };
    const baseline = await time(() => countContacts(db, workspaceId, undefined));
    if (baseline.count !== scale) throw new Error(`Seeded ${baseline.count} contacts, not ${scale}`);
    const rules = await measureRules();
    return {
      scale,
      database: fresh ? 'PostgreSQL' : 'PGlite',
      baselineMs: baseline.ms,
      rules,
      load: os.loadavg()[0] ?? 0,
    };
  } finally {
    await handle.close();
    await fresh?.drop();
  }
}

export function segmentFigureLines(figures: SegmentFigures | undefined): string[] {
  if (!figures) return [];
  return [
    `segments: ${figures.scale.toLocaleString('en')} contacts on ${figures.database}: count(*) ${figures.baselineMs.toFixed(1)} ms`,
    ...figures.rules.map(
      (r) => `segments: ${r.name}: ${r.count.toLocaleString('en')} people in ${r.ms.toFixed(1)} ms`,
    ),
  ];
}
