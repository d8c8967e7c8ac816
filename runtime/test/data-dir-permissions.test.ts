import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '@omniflow/db';
import { loadSecretKeyring } from '../src/credentials/secret-keyring.ts';
import { startDevServer } from '../src/temporal-server/dev-server.ts';

const modeOf = (path: string) => statSync(path).mode & 0o777;
const root = mkdtempSync(join(tmpdir(), 'omniflow-perms-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('files in the data directory are for the owner only', () => {
  it('the Temporal dev server makes its directory 0700 and its SQLite files 0600', async () => {
    const home = join(root, 'temporal-home', '.omniflow');
    const dbFile = join(home, 'temporal.sqlite');
    const server = await startDevServer({ dbFile });
    try {
      expect(modeOf(home)).toBe(0o700);
      expect(modeOf(dbFile)).toBe(0o600);
      for (const extra of [`${dbFile}-wal`, `${dbFile}-shm`]) {
        if (existsSync(extra)) expect(modeOf(extra)).toBe(0o600);
      }
    } finally {
      await server.stop();
    }
  });

  it('a world-readable SQLite file from an earlier start is tightened', async () => {
    const dbFile = join(root, 'old-home', 'temporal.sqlite');
    const first = await startDevServer({ dbFile });
    await first.stop();
    for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`])
      if (existsSync(file)) chmodSync(file, 0o644);
    const again = await startDevServer({ dbFile });
    try {
      for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) {
        if (existsSync(file)) expect(modeOf(file)).toBe(0o600);
      }
    } finally {
      await again.stop();
    }
  });

  it('the generated secret key is 0600 in a 0700 directory', () => {
    const home = join(root, 'key-home', '.omniflow');
    const keyring = loadSecretKeyring({ OMNIFLOW_HOME: home });
    expect(keyring.source).toBe(join(home, 'secret.key'));
    expect(modeOf(home)).toBe(0o700);
    expect(modeOf(keyring.source)).toBe(0o600);
  });

  it('the embedded database directory is 0700', async () => {
    const dataDir = join(root, 'db-home', '.omniflow', 'pglite');
    const handle = await openDb({ dataDir, migrate: false });
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      expect(modeOf(join(root, 'db-home', '.omniflow'))).toBe(0o700);
    } finally {
      await handle.close();
    }
  });
});

// A file the test wrote itself keeps the umask's mode: the check above can fail.
it('modeOf sees a world-readable file', () => {
  const file = join(root, 'plain');
  writeFileSync(file, 'x', { mode: 0o644 });
  chmodSync(file, 0o644);
  expect(modeOf(file)).toBe(0o644);
});
