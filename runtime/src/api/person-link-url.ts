import type { Context } from 'hono';
import type { AppDeps } from './app-deps.ts';
import { publicOrigin } from './public-origin.ts';

/**
 * The page a link opens: the builder reads the token from the fragment, which browsers never send
 * to a server, so it stays out of access logs and Referer headers.
 */
export function personLink(
  c: Context,
  deps: AppDeps,
  page: 'invitation' | 'password-reset',
  token: string,
): string {
  const origin = publicOrigin(deps) ?? new URL(c.req.url).origin;
  return `${origin}/#/${page}/${token}`;
}

/** "7 December 2026, 10:05 UTC" in the person's language, for the mail's "works until". */
export const linkExpiryText = (at: Date, language: 'es' | 'en') =>
  new Intl.DateTimeFormat(language === 'es' ? 'es-ES' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(at);
