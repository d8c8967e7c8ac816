import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The manifest is the archive's last entry: the checksums are known only once all is written. */
export const manifestPath = 'manifest.json';

const fileSchema = z.object({
  path: z.string(),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  rows: z.number().int().min(0).optional(),
});

const schemaVersionSchema = z.object({
  migrations: z.number().int(),
  lastTag: z.string().nullable(),
  lastAt: z.number(),
});

export const archiveManifestSchema = z.object({
  format: z.enum(['omniflow-backup', 'omniflow-workspace-export']),
  formatVersion: z.literal(1),
  omniflowVersion: z.string(),
  createdAt: z.string(),
  /** A backup's database: which dump it is and the schema it was taken at. */
  database: z
    .object({ kind: z.enum(['postgres', 'pglite']), file: z.string(), schema: schemaVersionSchema })
    .optional(),
  /** The data_jobs row that made it: running in the dump itself, settled after a restore. */
  jobId: z.string().optional(),
  /** An export's workspace. */
  workspace: z.object({ id: z.string(), name: z.string() }).optional(),
  schema: schemaVersionSchema.optional(),
  files: z.array(fileSchema),
  /** Stored files the database named but the store no longer had when the archive was made. */
  missing: z.array(z.string()).default([]),
});

export type ArchiveManifest = z.infer<typeof archiveManifestSchema>;

/** The running code's version, written into every manifest. */
export const omniflowVersion: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
