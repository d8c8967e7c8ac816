import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Db } from '@omniflow/db';
import { resealSecrets, type ResealProgress, type ResealResult } from './reseal-secrets.ts';
import {
  loadSecretKeyring,
  parseSecretKey,
  pendingKeySuffix,
  retiredKeySuffix,
  secretKeyFileName,
  type SecretKey,
  type SecretKeyring,
} from './secret-keyring.ts';

export class RotationNeedsNextKey extends Error {
  constructor() {
    super('OMNIFLOW_SECRET_KEY is set: give the new key in OMNIFLOW_SECRET_KEY_NEXT and run again');
  }
}

export class SecretsUnreadable extends Error {
  constructor(readonly unreadable: Record<string, number>) {
    super(
      `Some sealed values open with no known key (${Object.entries(unreadable)
        .map(([name, n]) => `${name}: ${n}`)
        .join(', ')}); the new key was not put in place`,
    );
  }
}

export interface RotationPlan {
  /** Where the key lives: the data directory's file, or the environment. */
  mode: 'file' | 'env';
  next: SecretKey;
  /** True when an earlier, unfinished rotation's key is being continued. */
  resumed: boolean;
  /** The key file, in file mode. */
  file?: string;
}

export interface RotationOutcome extends ResealResult {
  plan: RotationPlan;
}

/**
 * The key to rotate to. In file mode a new key is written to `secret.key.next` before anything is
 * re-sealed (so a crash never leaves a value under a key that exists nowhere), and an unfinished
 * rotation's key is taken up again. With OMNIFLOW_SECRET_KEY the operator owns the keys: the new
 * one comes from OMNIFLOW_SECRET_KEY_NEXT.
 */
export function planRotation(env: Record<string, string | undefined>): RotationPlan {
  if (env.OMNIFLOW_SECRET_KEY) {
    if (!env.OMNIFLOW_SECRET_KEY_NEXT) throw new RotationNeedsNextKey();
    const next = parseSecretKey(env.OMNIFLOW_SECRET_KEY_NEXT, 'OMNIFLOW_SECRET_KEY_NEXT');
    return { mode: 'env', next, resumed: false };
  }
  // Creates the key file on a fresh install, as every other start does.
  loadSecretKeyring(env);
  const file = resolve(env.OMNIFLOW_HOME ?? '.omniflow', secretKeyFileName);
  const pending = `${file}${pendingKeySuffix}`;
  const resumed = existsSync(pending);
  if (!resumed)
    writeFileSync(pending, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  return { mode: 'file', next: parseSecretKey(readFileSync(pending, 'utf8'), pending), resumed, file };
}

/** Every key that may have sealed something, with the plan's new key current. */
function rotationKeyring(env: Record<string, string | undefined>, next: SecretKey): SecretKeyring {
  const loaded = loadSecretKeyring(env);
  const all = [loaded.current, ...loaded.previous].filter((k) => k.id !== next.id);
  return { current: next, previous: all, source: 'secrets rotate' };
}

/**
 * `omniflow secrets rotate`: re-seals every sealed value with the plan's key, then (file mode)
 * makes it the key: the old one moves to `secret.key.retired`, still read, for values a process
 * that has not restarted yet seals with it; the next rotation re-seals those and replaces it.
 */
export async function rotateSecretKey(
  db: Db,
  env: Record<string, string | undefined>,
  options: {
    batchSize?: number;
    onPlan?: (plan: RotationPlan) => void;
    onProgress?: (progress: ResealProgress) => void;
    afterBatch?: (progress: ResealProgress) => void | Promise<void>;
  } = {},
): Promise<RotationOutcome> {
  const plan = planRotation(env);
  options.onPlan?.(plan);
  const keyring = rotationKeyring(env, plan.next);
  const result = await resealSecrets(db, keyring, options);
  if (Object.keys(result.unreadable).length > 0) throw new SecretsUnreadable(result.unreadable);
  if (plan.mode === 'file' && plan.file) {
    // Retired first: a crash between the two leaves the old key in both places and the new one
    // pending, and a rerun finishes here.
    copyFileSync(plan.file, `${plan.file}${retiredKeySuffix}`);
    renameSync(`${plan.file}${pendingKeySuffix}`, plan.file);
  }
  return { ...result, plan };
}
