import type { SmtpDriverOptions } from '@omniflow/nodes/drivers/email';
import { NodeError } from '@omniflow/nodes/sdk';

const invalid = (message: string) => new NodeError('SMTP_ENV_INVALID', message, false);

/**
 * The SMTP account of `OMNIFLOW_SMTP_URL` (`smtp://user:password@host:587`, STARTTLS required;
 * `smtps://…:465`, TLS; `smtp://host:25?security=none`, plain to a local relay) and
 * `OMNIFLOW_SMTP_FROM` (`ayuda@example.org` or `Ayuda <ayuda@example.org>`).
 */
export function smtpSettingsFromEnv(url: string, from: string | undefined): SmtpDriverOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid('OMNIFLOW_SMTP_URL is not a URL: write it as smtp://user:password@host:587');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
    throw invalid(`OMNIFLOW_SMTP_URL starts with smtp:// or smtps://, not ${parsed.protocol}//`);
  const asked = parsed.searchParams.get('security');
  if (asked !== null && asked !== 'tls' && asked !== 'starttls' && asked !== 'none')
    throw invalid('OMNIFLOW_SMTP_URL ?security= is tls, starttls or none');
  const security = asked ?? (parsed.protocol === 'smtps:' ? 'tls' : 'starttls');
  const port = parsed.port ? Number(parsed.port) : security === 'tls' ? 465 : 587;
  const sender = /^\s*(?:(.*?)\s*<([^<>\s]+@[^<>\s]+)>|([^<>\s]+@[^<>\s]+))\s*$/.exec(from ?? '');
  if (!sender)
    throw invalid(
      'Set OMNIFLOW_SMTP_FROM to the address mail comes from (ayuda@example.org or "Ayuda <ayuda@example.org>")',
    );
  const name = sender[1]?.replace(/^"|"$/g, '');
  const user = decodeURIComponent(parsed.username);
  return {
    host: parsed.hostname,
    port,
    security,
    ...(user ? { user, password: decodeURIComponent(parsed.password) } : {}),
    fromAddress: (sender[2] ?? sender[3])!,
    ...(name ? { fromName: name } : {}),
    ...(parsed.searchParams.has('maxConnections')
      ? { maxConnections: Number(parsed.searchParams.get('maxConnections')) }
      : {}),
  };
}
