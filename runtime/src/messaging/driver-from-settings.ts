import { SandboxDriver, type MessagingDriver } from '@omniflow/nodes/drivers/messaging';
import { SmtpDriver } from '@omniflow/nodes/drivers/email';
import { SmppDriver, TwilioSmsDriver } from '@omniflow/nodes/drivers/sms';
import { WhatsAppDriver } from '@omniflow/nodes/drivers/whatsapp';
import type { ChannelSettings } from '../credentials/channel-settings.ts';

export interface DriverContext {
  workspaceId: string;
  /** Where this install is reachable from the internet, for provider callbacks (OMNIFLOW_PUBLIC_URL). */
  publicUrl?: string;
  /** SMPP timings, for tests that drop links on purpose. */
  smpp?: { reconnectInitialDelayMs?: number; reconnectMaxDelayMs?: number; sendTimeoutMs?: number };
  /** SMTP options that are not settings (a test relay's self-signed certificate, timeouts). */
  smtp?: { allowUnverifiedTls?: boolean; connectionTimeoutMs?: number };
}

/** The Twilio webhooks of a workspace: incoming SMS and status callbacks. */
export const twilioWebhookPath = (workspaceId: string, kind: 'sms' | 'status') =>
  `/api/v1/webhooks/twilio/${workspaceId}/${kind}`;

/** Builds the driver a channel's saved settings describe. Nothing connects until it is used. */
export function driverFromSettings(
  channel: MessagingDriver['channel'],
  settings: ChannelSettings,
  context: DriverContext,
): MessagingDriver {
  switch (settings.provider) {
    case 'smtp': {
      const { user, ...config } = settings.config;
      const password = settings.secrets.password;
      if (user && !password) throw new Error(`user ${user} is set without a password (secrets.password)`);
      return new SmtpDriver({ ...config, ...(user ? { user, password } : {}), ...context.smtp });
    }
    case 'sandbox':
      return new SandboxDriver(channel);
    case 'whatsapp-cloud':
      return new WhatsAppDriver({ ...settings.config, ...settings.secrets });
    case 'smpp':
      return new SmppDriver({ ...settings.config, ...settings.secrets, ...context.smpp });
    case 'twilio': {
      const statusCallbackUrl =
        settings.config.statusCallbackUrl ??
        (context.publicUrl
          ? new URL(twilioWebhookPath(context.workspaceId, 'status'), context.publicUrl).toString()
          : undefined);
      return new TwilioSmsDriver({
        ...settings.config,
        ...settings.secrets,
        ...(statusCallbackUrl ? { statusCallbackUrl } : {}),
      });
    }
  }
}
