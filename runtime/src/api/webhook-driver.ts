import type { MessagingChannel, MessagingDriver } from '@omniflow/nodes/drivers/messaging';
import { NodeError } from '@omniflow/nodes/sdk';
import { errorBody } from './api-error.ts';
import type { AppDeps } from './app-deps.ts';
import { channelResolverOf } from './channel-resolver-of.ts';

export type WebhookDriver =
  | { ok: true; driver: MessagingDriver | undefined }
  | { ok: false; status: 503; body: ReturnType<typeof errorBody> };

/**
 * The driver a webhook checks and reads with. Saved settings that cannot build one (saved before
 * the driver's rules were checked, or sealed with a key this server lacks) answer 503 with the
 * reason: the provider retries, and the admin reads what to fix, instead of a bare 500.
 */
export async function webhookDriver(
  deps: AppDeps,
  workspaceId: string,
  channel: MessagingChannel,
): Promise<WebhookDriver> {
  try {
    return { ok: true, driver: await channelResolverOf(deps).driverFor(workspaceId, channel) };
  } catch (error) {
    if (!(error instanceof NodeError)) throw error;
    return { ok: false, status: 503, body: errorBody(error.code, error.message) };
  }
}
