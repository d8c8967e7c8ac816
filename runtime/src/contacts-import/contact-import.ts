import { eq, sql } from 'drizzle-orm';
import { isSupportedCountry } from 'libphonenumber-js';
import { contactFields, contactImports, newId, workspaces, type Db } from '@omniflow/db';
import { ImportFileError, type ImportLanguage } from './import-messages.ts';
import { mappingProblems, proposeMapping, type CustomField, type MappingProblem } from './import-mapping.ts';
import { readImportFile, type ImportFile } from './read-import-file.ts';
import { rowValidator, type ImportedPerson, type RowRejection } from './validate-row.ts';
import { writeImportChunk } from './write-import-chunk.ts';

/** Rows per transaction: big enough that statements, not round trips, dominate. */
export const IMPORT_CHUNK_ROWS = 1000;

export async function customFieldsOf(db: Db, workspaceId: string): Promise<CustomField[]> {
  const rows = await db.select().from(contactFields).where(eq(contactFields.workspaceId, workspaceId));
  return rows.map((f) => ({ key: f.key, label: f.label, type: f.type, choices: f.choices ?? null }));
}

export async function defaultCountryOf(db: Db, workspaceId: string): Promise<string | null> {
  const [row] = await db
    .select({ country: workspaces.defaultCountry })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row?.country ?? null;
}

/** A mapping or country the import cannot run with (the API answers 400). */
export class ImportRequestError extends Error {
  constructor(
    message: string,
    readonly problems: MappingProblem[] = [],
  ) {
    super(message);
  }
}

export const isCountry = (country: string) => isSupportedCountry(country.toUpperCase());

/** The header, the first rows and a proposed mapping: what the person adjusts before importing. */
export async function previewImport(db: Db, workspaceId: string, bytes: Uint8Array, fileName: string) {
  const file = await readImportFile(bytes, fileName);
  const fields = await customFieldsOf(db, workspaceId);
  return {
    kind: file.kind,
    header: file.header,
    sampleRows: file.rows.slice(0, 5).map((r) => file.header.map((_, i) => r.cells[i] ?? '')),
    totalRows: file.rows.length,
    proposedMapping: proposeMapping(file.header, fields),
    fields: fields.map(({ key, label, type }) => ({ key, label, type })),
    defaultCountry: await defaultCountryOf(db, workspaceId),
  };
}

export interface ImportStart {
  workspaceId: string;
  userId: string | null;
  fileName: string;
  bytes: Uint8Array;
  /** Column → target; without it, the proposed mapping. */
  mapping?: Record<string, string>;
  /** ISO 3166 for numbers without a country code; default: the workspace's. */
  country?: string | null;
  language: ImportLanguage;
}

export interface StartedImport {
  importId: string;
  /** Settles when the import has finished (or failed); the API does not wait for it. */
  done: Promise<void>;
}

/**
 * Reads and checks the whole file and the mapping, records the import, then imports in chunks
 * in the background. A refused file (ImportFileError) is recorded as failed with its reason and
 * thrown with nothing imported; a bad mapping or country throws ImportRequestError before any row
 * is written.
 */
export async function startContactImport(db: Db, start: ImportStart): Promise<StartedImport> {
  const country = (start.country ?? (await defaultCountryOf(db, start.workspaceId)))?.toUpperCase() ?? null;
  if (country && !isCountry(country))
    throw new ImportRequestError(`"${country}" is not a country code phone numbers know (PE, ES, US…)`);
  let file: ImportFile;
  try {
    file = await readImportFile(start.bytes, start.fileName);
  } catch (error) {
    if (error instanceof ImportFileError) {
      const importId = newId();
      await db.insert(contactImports).values({
        id: importId,
        workspaceId: start.workspaceId,
        fileName: start.fileName,
        status: 'failed',
        mapping: start.mapping ?? {},
        error: error.messageIn(start.language),
        createdBy: start.userId,
        finishedAt: new Date(),
      });
      Object.assign(error, { importId });
    }
    throw error;
  }
  const fields = await customFieldsOf(db, start.workspaceId);
  const mapping = start.mapping ?? proposeMapping(file.header, fields);
  const problems = mappingProblems(mapping, file.header, fields);
  if (problems.length > 0)
    throw new ImportRequestError(
      problems.map((p) => (p.column ? `${p.column}: ${p.message}` : p.message)).join('; '),
      problems,
    );
  const importId = newId();
  await db.insert(contactImports).values({
    id: importId,
    workspaceId: start.workspaceId,
    fileName: start.fileName,
    mapping,
    totalRows: file.rows.length,
    createdBy: start.userId,
  });
  const done = importRows(db, {
    workspaceId: start.workspaceId,
    importId,
    file,
    validate: rowValidator({ header: file.header, mapping, fields, country, language: start.language }),
  });
  return { importId, done };
}

async function importRows(
  db: Db,
  job: {
    workspaceId: string;
    importId: string;
    file: ImportFile;
    validate: ReturnType<typeof rowValidator>;
  },
) {
  const now = new Date();
  try {
    const rows = job.file.rows;
    // The next chunk is checked while the database writes this one; writes stay one at a time,
    // so a later chunk's lookup sees the people an earlier one created.
    let writing: Promise<unknown> = Promise.resolve();
    for (let from = 0; from < rows.length; from += IMPORT_CHUNK_ROWS) {
      const people: ImportedPerson[] = [];
      const rejections: RowRejection[] = [];
      const chunk = rows.slice(from, from + IMPORT_CHUNK_ROWS);
      for (const row of chunk) {
        const outcome = job.validate(row.line, row.cells);
        if ('person' in outcome) people.push(outcome.person);
        else rejections.push(...outcome.rejections);
      }
      await writing;
      writing = writeImportChunk(db, { ...job, now }, people, rejections, chunk.length);
      // A failed write must not go unhandled while the next chunk is checked.
      writing.catch(() => undefined);
    }
    await writing;
    await db
      .update(contactImports)
      .set({ status: 'done', finishedAt: new Date() })
      .where(eq(contactImports.id, job.importId));
  } catch (error) {
    // Chunks already written stay (each was whole); the reason tells the person where it stopped.
    const reason =
      error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    await db
      .update(contactImports)
      .set({ status: 'failed', error: `The import stopped: ${reason}`, finishedAt: sql`now()` })
      .where(eq(contactImports.id, job.importId))
      .catch(() => undefined);
  }
}
