import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { NodeError } from '@omniflow/nodes/sdk';
import type { SecretKeyring } from './secret-keyring.ts';

const VERSION = 'v1';
const secretsJson = z.record(z.string(), z.string());

export interface Sealed {
  sealed: string;
  keyId: string;
}

/**
 * AES-256-GCM over the JSON of `secrets`, a fresh 96-bit IV each time (NIST SP 800-38D §8.2).
 * `context` (workspace and channel) is authenticated, not stored: a sealed value copied to
 * another row does not open there.
 */
export function sealSecrets(
  keyring: SecretKeyring,
  secrets: Record<string, string>,
  context: string,
): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
  return { sealed: [VERSION, ...parts].join('.'), keyId: keyring.current.id };
}

/** Opens what sealSecrets sealed, with whichever key of the keyring has `keyId`. */
export function openSecrets(keyring: SecretKeyring, sealed: Sealed, context: string): Record<string, string> {
  const key = [keyring.current, ...keyring.previous].find((k) => k.id === sealed.keyId);
  if (!key) {
    throw new NodeError(
      'SECRET_KEY_MISMATCH',
      `The ${context} secrets were sealed with key ${sealed.keyId}, but the key in use (${keyring.source}) is ${keyring.current.id}. ` +
        'Set OMNIFLOW_SECRET_KEY to the key they were saved with (or list it in OMNIFLOW_SECRET_KEY_PREVIOUS), or save the channel settings again.',
      false,
    );
  }
  const [version, iv, tag, ciphertext] = sealed.sealed.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
    throw new NodeError(
      'SECRETS_UNREADABLE',
      `The ${context} secrets are not in a format this version reads`,
      false,
    );
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
    return secretsJson.parse(JSON.parse(plain.toString('utf8')));
  } catch {
    throw new NodeError(
      'SECRETS_UNREADABLE',
      `The ${context} secrets do not open with key ${key.id}: they were altered or belong to another row. Save the channel settings again.`,
      false,
    );
  }
}
