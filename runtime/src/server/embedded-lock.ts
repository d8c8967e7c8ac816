import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Another live process holds the embedded database; the CLI words it in its reader's language. */
export class EmbeddedDatabaseInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly purpose: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by "${purpose}" (pid ${pid}). ` +
        'Stop it first, or do this through the running API (e.g. POST /api/v1/api-keys).',
    );
  }
}

/**
 * PGlite is single-process: two processes on one data directory would corrupt it. The holder
 * writes its pid beside the data; a stale file (its process gone, e.g. after kill -9) is taken over.
 */
export function lockEmbeddedDatabase(dataDir: string, purpose: string): () => void {
  const file = `${dataDir}.lock`;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; purpose: string };
    if (holder.pid !== process.pid && alive(holder.pid)) {
      throw new EmbeddedDatabaseInUse(dataDir, holder.purpose, holder.pid);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
  }
  writeFileSync(file, JSON.stringify({ pid: process.pid, purpose }));
  return () => rmSync(file, { force: true });
}
