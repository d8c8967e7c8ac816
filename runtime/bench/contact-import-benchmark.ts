import os from 'node:os';
import { sql } from 'drizzle-orm';
import { newId, openDb, queryRows, workspaces, type Db } from '@omniflow/db';
import { startContactImport } from '../src/contacts-import/contact-import.ts';
import { readImportFile } from '../src/contacts-import/read-import-file.ts';
import { freshPostgresDatabase } from '../test/support/postgres.ts';
import { median } from './median.ts';

const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const rounds = Number(process.env.BENCH_IMPORT_ROUNDS ?? 3);
// PostgreSQL when one is named (a fresh database is made on it), embedded PGlite otherwise.
const postgresUrl = process.env.BENCH_IMPORT_DATABASE_URL ?? process.env.OMNIFLOW_TEST_DATABASE_URL;

export interface ContactImportFigures {
  rows: number;
  database: 'PGlite' | 'PostgreSQL';
  /** Seconds from the file's bytes to the last chunk written (median round): new people. */
  seconds: number;
  rowsPerSecond: number;
  /** The same file again: every row finds its person by phone and updates them. */
  reimportSeconds: number;
  /** The same rows, already split, inserted as they are: no validation, lookup or dedup. */
  baselineSeconds: number;
  baselineRowsPerSecond: number;
  ratio: number;
  rounds: number;
  /** The machine's 1-minute load average when the rounds ended: other work shares its cores. */
  loadAverage: number;
}

/** A contact list as people export it: names, a national phone, an email, tags and consent. */
function contactsCsv(round: number): string {
  const lines = ['Nombre,Apellido,Teléfono,Email,Idioma,Zona horaria,Etiquetas,Consentimiento'];
  for (let i = 0; i < rows; i++) {
    const n = round * rows + i;
    lines.push(
      `Ana${n},Pérez Gómez,9${String(10_000_000 + n).padStart(8, '0')},ana${n}@example.pe,es-PE,America/Lima,"vip,lima",sí`,
    );
  }
  return lines.join('\n');
}

async function newWorkspace(db: Db) {
  const id = newId();
  await db.insert(workspaces).values({ id, name: `bench-${id}`, defaultCountry: 'PE' });
  return id;
}

/** The floor: the same rows inserted 1,000 at a time in two statements, checked by nothing. */
async function rawInsert(db: Db, workspaceId: string, text: string) {
  const file = await readImportFile(new TextEncoder().encode(text), 'contacts.csv');
  for (let from = 0; from < file.rows.length; from += 1000) {
    const chunk = file.rows.slice(from, from + 1000).map((r) => ({
      id: newId(),
      first_name: r.cells[0],
      last_name: r.cells[1],
      phone: `+51${r.cells[2]}`,
      email: r.cells[3],
      language: r.cells[4],
      timezone: r.cells[5],
      tags: r.cells[6]!.split(','),
    }));
    const json = JSON.stringify(chunk);
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into contacts (id, workspace_id, first_name, last_name, display_name,
          language, timezone, tags)
        select c.id, ${workspaceId}, c.first_name, c.last_name, c.first_name || ' ' || c.last_name,
          c.language, c.timezone, c.tags
        from jsonb_to_recordset(${json}::jsonb) as c(id uuid, first_name text, last_name text,
          language text, timezone text, tags text[])`);
      await tx.execute(sql`insert into contact_channels (id, workspace_id, contact_id, channel, address,
          consent_at, consent_source)
        select gen_random_uuid(), ${workspaceId}, c.id, a.channel, a.address, now(), 'imported'
        from jsonb_to_recordset(${json}::jsonb) as c(id uuid, phone text, email text)
        cross join lateral (values ('sms', c.phone), ('email', c.email)) as a(channel, address)`);
    });
  }
}

async function timed(action: () => Promise<unknown>) {
  const started = performance.now();
  await action();
  return (performance.now() - started) / 1000;
}

/**
 * A 100,000-row CSV through the whole import (decode, parse, E.164, email and zone checks,
 * lookup by address, dedup, multi-row writes, counts per chunk) into a fresh workspace, the same
 * file again (every row an update), and the same rows inserted raw: alternating, median of rounds.
 */
export async function contactImportBenchmark(): Promise<ContactImportFigures> {
  const fresh = postgresUrl ? await freshPostgresDatabase(postgresUrl) : undefined;
  const handle = await openDb(fresh ? { databaseUrl: fresh.url } : { dataDir: 'memory://' });
  const { db } = handle;
  const imports: number[] = [];
  const reimports: number[] = [];
  const baselines: number[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      const text = contactsCsv(round);
      const bytes = new TextEncoder().encode(text);
      const workspaceId = await newWorkspace(db);
      const run = async () => {
        const started = await startContactImport(db, {
          workspaceId,
          userId: null,
          fileName: 'contacts.csv',
          bytes,
          language: 'es',
        });
        await started.done;
        const [row] = await queryRows<{ status: string; rejected: number }>(
          db,
          sql`select status, rejected, error from contact_imports where id = ${started.importId}`,
        );
        if (row?.status !== 'done' || row.rejected !== 0)
          throw new Error(`The benchmark import did not finish cleanly: ${JSON.stringify(row)}`);
        return row;
      };
      imports.push(await timed(run));
      reimports.push(await timed(run));
      // A workspace of its own: the same addresses, and no one already there to find.
      const rawWorkspace = await newWorkspace(db);
      baselines.push(await timed(() => rawInsert(db, rawWorkspace, text)));
      console.log(
        `contact import: round ${round + 1} of ${rounds}: ${rows} rows in ${imports.at(-1)!.toFixed(2)} s, again (updates) ${reimports.at(-1)!.toFixed(2)} s; raw insert ${baselines.at(-1)!.toFixed(2)} s`,
      );
    }
  } finally {
    await handle.close();
    await fresh?.drop();
  }
  const seconds = median(imports);
  const baselineSeconds = median(baselines);
  return {
    rows,
    database: fresh ? 'PostgreSQL' : 'PGlite',
    seconds,
    rowsPerSecond: rows / seconds,
    reimportSeconds: median(reimports),
    baselineSeconds,
    baselineRowsPerSecond: rows / baselineSeconds,
    ratio: baselineSeconds / seconds,
    rounds,
    loadAverage: os.loadavg()[0]!,
  };
}

export function contactImportLines(figures: ContactImportFigures | undefined): string[] {
  if (!figures) return [];
  return [
    `contact import ${figures.rows} rows (${figures.database}): ${figures.seconds.toFixed(2)} s, ${figures.rowsPerSecond.toFixed(0)} rows/s; again as updates ${figures.reimportSeconds.toFixed(2)} s; raw insert ${figures.baselineRowsPerSecond.toFixed(0)} rows/s → ratio ${figures.ratio.toFixed(2)}`,
  ];
}
