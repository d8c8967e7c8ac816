import type { SecretKeyring } from '../credentials/secret-keyring.ts';
import { emailLinkKeys, type EmailLinkKeys, type EmailLinkSettings } from './email-links.ts';

/**
 * The install's mail link settings: OMNIFLOW_PUBLIC_URL (what readers' mail programs can reach;
 * `omniflow dev` falls back to its own local address) and keys from the secret keyring, read the
 * first time a mail is sent.
 */
export function emailLinksFromEnv(
  env: Record<string, string | undefined>,
  keyring: () => SecretKeyring,
): EmailLinkSettings {
  let keys: EmailLinkKeys | undefined;
  return {
    publicUrl: env.OMNIFLOW_PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`,
    keys: () => (keys ??= emailLinkKeys(keyring())),
  };
}
