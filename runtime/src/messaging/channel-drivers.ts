import { SmtpDriver } from '@omniflow/nodes/drivers/email';
import type { Db } from '@omniflow/db';
import type { MessagingChannel, MessagingDriver } from '@omniflow/nodes/drivers/messaging';
import { WebChatDriver, WebChatHub } from '@omniflow/nodes/drivers/webchat';
import { WhatsAppDriver } from '@omniflow/nodes/drivers/whatsapp';
import { sandboxDrivers } from './sandbox-drivers.ts';
import { smtpSettingsFromEnv } from './smtp-env-settings.ts';
import { webChatSecret } from './webchat-secret.ts';

export type ChannelDrivers = Partial<Record<MessagingChannel, MessagingDriver>>;

/**
 * The live web-chat connections of this process. One hub per process so a worker running inside
 * the API process (`omniflow dev`) reaches the widgets connected to it directly.
 */
export const processWebChatHub = new WebChatHub();

export interface ChannelDriversOptions {
  /**
   * Whether a channel with no provider goes to the sandbox (sends recorded and reported delivered,
   * reaching no one). `omniflow dev` says yes; `omniflow api`/`worker` only with OMNIFLOW_SANDBOX=1,
   * so a production install without a provider fails its sends (CHANNEL_NOT_CONFIGURED) instead
   * of losing them. Tests and embedders that pass nothing keep the sandbox.
   */
  sandbox?: boolean;
  /** Where the email sandbox (the mail catcher) keeps mail; without it mail is only counted as sent. */
  db?: Db;
}

/** `omniflow api` and `omniflow worker` allow the sandbox only when the operator says so. */
export const sandboxAllowedByEnv = (env: Record<string, string | undefined>) => env.OMNIFLOW_SANDBOX === '1';

/**
 * The driver behind each channel, from the environment: a provider when its settings are there,
 * the sandbox otherwise when allowed (so `omniflow dev` works with no account), else none.
 * Secrets stay in the environment (or the secret store that fills it); they are never written to
 * the database. Web chat needs no provider: its driver is always the real one.
 */
export function channelDriversFromEnv(
  env: Record<string, string | undefined> = process.env,
  options: ChannelDriversOptions = {},
): ChannelDrivers {
  const drivers: ChannelDrivers = options.sandbox === false ? {} : sandboxDrivers({ db: options.db });
  drivers.webchat = new WebChatDriver({ hub: processWebChatHub, secret: webChatSecret(env) });
  if (env.OMNIFLOW_WHATSAPP_PHONE_NUMBER_ID) {
    drivers.whatsapp = new WhatsAppDriver({
      ...(env.OMNIFLOW_WHATSAPP_BASE_URL ? { baseUrl: env.OMNIFLOW_WHATSAPP_BASE_URL } : {}),
      apiVersion: env.OMNIFLOW_WHATSAPP_API_VERSION ?? 'v21.0',
      phoneNumberId: env.OMNIFLOW_WHATSAPP_PHONE_NUMBER_ID,
      accessToken: env.OMNIFLOW_WHATSAPP_ACCESS_TOKEN ?? '',
      appSecret: env.OMNIFLOW_WHATSAPP_APP_SECRET ?? '',
      verifyToken: env.OMNIFLOW_WHATSAPP_VERIFY_TOKEN ?? '',
    });
  }
  if (env.OMNIFLOW_SMTP_URL) {
    drivers.email = new SmtpDriver(smtpSettingsFromEnv(env.OMNIFLOW_SMTP_URL, env.OMNIFLOW_SMTP_FROM));
  }
  return drivers;
}
