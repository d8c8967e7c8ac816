import { randomUUID } from 'node:crypto';
import { SandboxDriver } from '@omniflow/nodes/drivers/messaging';
import type { AppDeps } from './app-deps.ts';
import { channelResolverOf } from './channel-resolver-of.ts';

export type MailOutcome =
  { mailed: true } | { mailed: false; reason: 'no-email-channel' | 'send-failed'; error?: string };

/**
 * Sends an invitation or reset mail through the workspace's email channel. The sandbox and the
 * mail catcher reach no one, so with them (or no channel) nothing is sent and the admin is shown
 * the link to hand over instead.
 */
export async function mailPerson(
  deps: AppDeps,
  workspaceId: string,
  mail: { to: string; subject: string; text: string },
): Promise<MailOutcome> {
  const driver = await channelResolverOf(deps)
    .driverFor(workspaceId, 'email')
    .catch(() => undefined);
  if (!driver || driver instanceof SandboxDriver) return { mailed: false, reason: 'no-email-channel' };
  try {
    await driver.send({
      to: mail.to,
      text: mail.text,
      email: { subject: mail.subject },
      idempotencyKey: randomUUID(),
    });
    return { mailed: true };
  } catch (error) {
    return {
      mailed: false,
      reason: 'send-failed',
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
