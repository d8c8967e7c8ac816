import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { NodeError } from '@omniflow/nodes/sdk';

export interface SecretKey {
  /** A fingerprint of the key (not the key): stored beside each sealed value. */
  id: string;
  key: Buffer;
}

/** The key new secrets are sealed with, and older keys still accepted for opening them. */
export interface SecretKeyring {
  current: SecretKey;
  previous: SecretKey[];
  /** Where the current key came from, for error messages. */
  source: string;
}

export const secretKeyFileName = 'secret.key';
/** Beside the key file: the key a rotation is re-sealing with, until it is done. */
export const pendingKeySuffix = '.next';
/** Beside the key file: the key the last rotation replaced, for values sealed before a restart. */
export const retiredKeySuffix = '.retired';

/** Parses a 32-byte key written as 64 hex digits or base64 (url-safe or not). */
export function parseSecretKey(text: string, what: string): SecretKey {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new NodeError(
      'SECRET_KEY_INVALID',
      `${what} must be 32 bytes written as 64 hex digits or base64 (e.g. \`openssl rand -base64 32\`); it decodes to ${key.length} bytes`,
      false,
    );
  }
  return { id: keyId(key), key };
}

/** SHA-256 of a random 256-bit key reveals nothing about it; 12 hex digits tell keys apart. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

/**
 * The install's secret key: OMNIFLOW_SECRET_KEY when set; otherwise a key file generated once in
 * the data directory (`.omniflow/secret.key`, beside embedded PGlite), so `omniflow dev` needs no
 * setup. OMNIFLOW_SECRET_KEY_PREVIOUS (comma-separated) keeps rows sealed by rotated-out keys
 * readable; each is re-sealed with the current key the next time it is saved.
 */
export function loadSecretKeyring(env: Record<string, string | undefined> = process.env): SecretKeyring {
  const previous = (env.OMNIFLOW_SECRET_KEY_PREVIOUS ?? '')
    .split(',')
    .filter((k) => k.trim())
    .map((k, i) => parseSecretKey(k, `OMNIFLOW_SECRET_KEY_PREVIOUS[${i}]`));
  if (env.OMNIFLOW_SECRET_KEY) {
    // A rotation under way (`omniflow secrets rotate`) seals with the next key: it must open too.
    if (env.OMNIFLOW_SECRET_KEY_NEXT)
      previous.push(parseSecretKey(env.OMNIFLOW_SECRET_KEY_NEXT, 'OMNIFLOW_SECRET_KEY_NEXT'));
    return {
      current: parseSecretKey(env.OMNIFLOW_SECRET_KEY, 'OMNIFLOW_SECRET_KEY'),
      previous,
      source: 'OMNIFLOW_SECRET_KEY',
    };
  }
  const file = resolve(env.OMNIFLOW_HOME ?? '.omniflow', secretKeyFileName);
  // The key a rotation is moving to, and the one it moved from: values under either still open.
  for (const other of [`${file}${pendingKeySuffix}`, `${file}${retiredKeySuffix}`])
    if (existsSync(other)) previous.push(parseSecretKey(readFileSync(other, 'utf8'), other));
  if (!existsSync(file)) {
    // The data directory holds this key, the embedded database and Temporal's: owner only.
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // 'wx' fails if another process wrote the file first; then we read theirs.
    try {
      writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
      chmodSync(file, 0o600);
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
  }
  return { current: parseSecretKey(readFileSync(file, 'utf8'), file), previous, source: file };
}

/** Loads the keyring the first time something is sealed or opened, not at start-up. */
export function lazyKeyring(load: () => SecretKeyring): () => SecretKeyring {
  let keyring: SecretKeyring | undefined;
  return () => (keyring ??= load());
}
