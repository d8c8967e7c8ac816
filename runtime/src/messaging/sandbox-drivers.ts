import type { Db } from '@omniflow/db';
import { MailCatcherDriver } from '@omniflow/nodes/drivers/email';
import { SandboxDriver } from '@omniflow/nodes/drivers/messaging';
import { keepCaughtMail } from '../email/keep-caught-mail.ts';

export interface SandboxDriversOptions {
  /** Where the mail catcher keeps mail; without it email is a plain sandbox (nothing to read back). */
  db?: Db;
}

/** One sandbox per channel: what `omniflow dev` and tests use until a provider is configured. */
export function sandboxDrivers(options: SandboxDriversOptions = {}) {
  return {
    whatsapp: new SandboxDriver('whatsapp'),
    sms: new SandboxDriver('sms'),
    webchat: new SandboxDriver('webchat'),
    email: options.db
      ? new MailCatcherDriver({ keep: keepCaughtMail(options.db) })
      : new SandboxDriver('email'),
  };
}
