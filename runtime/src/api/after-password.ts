import { z } from '@hono/zod-openapi';
import type { users } from '@omniflow/db';
import type { AppDeps } from './app-deps.ts';
import type { ReaderLanguage } from './reader-language.ts';
import { issueUserToken } from '../people/one-time-tokens.ts';
import { peopleError } from './people-text.ts';

export const secondFactorStep = z.object({ token: z.string() }).openapi('SecondFactorStep');

// Long enough to open the app and type a code, short enough that a stolen step is soon useless.
const stepTtlMs = 5 * 60 * 1000;

/**
 * What follows a right password: a deactivated person is refused (said only now, so the answer
 * tells nothing to whoever lacks the password); one with a second factor gets a step token for it.
 */
export async function afterPassword(
  deps: AppDeps,
  user: typeof users.$inferSelect,
  language: ReaderLanguage,
): Promise<{ secondFactor?: { token: string } }> {
  if (user.deactivatedAt) throw peopleError(403, 'ACCOUNT_DEACTIVATED', 'deactivated', language);
  if (!user.totpEnabledAt) return {};
  const { token } = await issueUserToken(deps.db, user.id, 'second-factor', stepTtlMs);
  return { secondFactor: { token } };
}
