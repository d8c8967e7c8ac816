import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The secret web-chat session tokens are signed with. Production sets OMNIFLOW_WEBCHAT_SECRET (the
 * same on every API replica). Without it, one is made once and kept under OMNIFLOW_HOME, so a
 * restart of `omniflow dev` does not sign every visitor out of their conversation.
 */
export function webChatSecret(env: Record<string, string | undefined> = process.env): string {
  if (env.OMNIFLOW_WEBCHAT_SECRET) return env.OMNIFLOW_WEBCHAT_SECRET;
  const file = resolve(env.OMNIFLOW_HOME ?? '.omniflow', 'webchat-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process made it first: theirs is the one.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}
