import { readFileSync } from 'node:fs';
import { defaultMaxMailBytes } from '@omniflow/nodes/drivers/email';
import { defaultMaxAttachmentBytes } from './store-mail-attachments.ts';
import { parseMailDomains, type MailDomain } from './mail-recipients.ts';

/** How this install takes mail in, from the environment (both ways are off unless set). */
export interface MailIntakeSettings {
  /** The built-in inbound SMTP server. */
  smtp?: { port: number; host: string; name?: string; tls?: { key: Buffer; cert: Buffer } };
  /**
   * One install-wide mailbox polled over IMAP, whose mail is one workspace's; workspaces connect
   * their own in Settings instead (`workspace-mailboxes.ts`).
   */
  imap?: {
    host: string;
    port: number;
    secure: boolean;
    user: string;
    password: string;
    mailbox: string;
    /** The address people write to (default the user, when it is an address). */
    address: string;
    /** Default: the first workspace. */
    workspaceId?: string;
    pollIntervalMs: number;
  };
  domains: MailDomain[];
  maxBytes: number;
  maxAttachmentBytes: number;
}

export class MailIntakeSettingsError extends Error {
  readonly code = 'MAIL_INTAKE_SETTINGS_INVALID';
}

const wholeNumber = (
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  max: number,
) => {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new MailIntakeSettingsError(`${name} must be a whole number from 0 to ${max}, not "${text}"`);
  return value;
};

/**
 * OMNIFLOW_MAIL_INBOUND_PORT (e.g. 25 or 2525; unset: no server), OMNIFLOW_MAIL_INBOUND_HOST
 * (default 0.0.0.0), OMNIFLOW_MAIL_INBOUND_NAME, OMNIFLOW_MAIL_TLS_KEY/_CERT (PEM files, for
 * STARTTLS), OMNIFLOW_MAIL_DOMAINS (`domain[=workspaceId]`, comma-separated: any address there),
 * OMNIFLOW_MAIL_MAX_BYTES (default 25 MB), OMNIFLOW_MAIL_ATTACHMENT_MAX_BYTES (default 10 MB);
 * OMNIFLOW_IMAP_URL (`imaps://user:password@host:993/INBOX`, `imap://…` for STARTTLS or plain),
 * OMNIFLOW_IMAP_ADDRESS, OMNIFLOW_IMAP_WORKSPACE, OMNIFLOW_IMAP_POLL_SECONDS (default 60).
 */
export function mailIntakeFromEnv(env: Record<string, string | undefined>): MailIntakeSettings {
  const settings: MailIntakeSettings = {
    domains: parseMailDomains(env.OMNIFLOW_MAIL_DOMAINS),
    maxBytes: wholeNumber(env, 'OMNIFLOW_MAIL_MAX_BYTES', defaultMaxMailBytes, 2 ** 31),
    maxAttachmentBytes: wholeNumber(
      env,
      'OMNIFLOW_MAIL_ATTACHMENT_MAX_BYTES',
      defaultMaxAttachmentBytes,
      2 ** 31,
    ),
  };
  if (env.OMNIFLOW_MAIL_INBOUND_PORT) {
    const keyFile = env.OMNIFLOW_MAIL_TLS_KEY;
    const certFile = env.OMNIFLOW_MAIL_TLS_CERT;
    if (Boolean(keyFile) !== Boolean(certFile))
      throw new MailIntakeSettingsError(
        'Set both OMNIFLOW_MAIL_TLS_KEY and OMNIFLOW_MAIL_TLS_CERT for STARTTLS, or neither',
      );
    settings.smtp = {
      port: wholeNumber(env, 'OMNIFLOW_MAIL_INBOUND_PORT', 25, 65535),
      host: env.OMNIFLOW_MAIL_INBOUND_HOST || '0.0.0.0',
      ...(env.OMNIFLOW_MAIL_INBOUND_NAME ? { name: env.OMNIFLOW_MAIL_INBOUND_NAME } : {}),
      ...(keyFile && certFile ? { tls: { key: readFileSync(keyFile), cert: readFileSync(certFile) } } : {}),
    };
  }
  if (env.OMNIFLOW_IMAP_URL) {
    let url: URL;
    try {
      url = new URL(env.OMNIFLOW_IMAP_URL);
    } catch {
      throw new MailIntakeSettingsError(
        'OMNIFLOW_IMAP_URL must look like imaps://user:password@host:993/INBOX',
      );
    }
    if (url.protocol !== 'imap:' && url.protocol !== 'imaps:')
      throw new MailIntakeSettingsError(
        `OMNIFLOW_IMAP_URL must start with imap:// or imaps://, not ${url.protocol}//`,
      );
    const user = decodeURIComponent(url.username);
    if (!user || !url.password)
      throw new MailIntakeSettingsError(
        'OMNIFLOW_IMAP_URL must name the user and password (imaps://user:password@host)',
      );
    const address = (env.OMNIFLOW_IMAP_ADDRESS || user).toLowerCase();
    if (!address.includes('@'))
      throw new MailIntakeSettingsError(
        'Set OMNIFLOW_IMAP_ADDRESS to the address people write to: the IMAP user is not an address',
      );
    const secure = url.protocol === 'imaps:';
    settings.imap = {
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 993 : 143,
      secure,
      user,
      password: decodeURIComponent(url.password),
      mailbox: decodeURIComponent(url.pathname.replace(/^\//, '')) || 'INBOX',
      address,
      ...(env.OMNIFLOW_IMAP_WORKSPACE ? { workspaceId: env.OMNIFLOW_IMAP_WORKSPACE } : {}),
      pollIntervalMs: wholeNumber(env, 'OMNIFLOW_IMAP_POLL_SECONDS', 60, 86_400) * 1000 || 60_000,
    };
  }
  return settings;
}
