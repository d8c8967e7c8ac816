import type { Db } from '@omniflow/db';
import type { TwimlAccount } from '@omniflow/nodes/drivers/voice';
import { createCredentialsStore } from '../credentials/credentials-store.ts';
import type { SecretKeyring } from '../credentials/secret-keyring.ts';

/**
 * A workspace's Twilio account for placing calls: the one saved for its SMS channel (provider
 * twilio), whose auth token also signs its voice webhooks. Undefined when it has none.
 */
export function twilioAccounts(db: Db, keyring: () => SecretKeyring) {
  const store = createCredentialsStore(db, keyring);
  return async (workspaceId: string): Promise<TwimlAccount | undefined> => {
    const saved = await store.read(workspaceId, 'sms');
    if (saved?.settings.provider !== 'twilio') return undefined;
    const config = saved.settings.config as { accountSid?: string; from?: string; baseUrl?: string };
    const authToken = saved.settings.secrets.authToken;
    if (!config.accountSid || !authToken || !config.from) return undefined;
    return {
      accountSid: config.accountSid,
      authToken,
      from: config.from,
      ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
    };
  };
}
