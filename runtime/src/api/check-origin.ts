import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { ApiError } from './api-error.ts';
import type { AppDeps } from './app-deps.ts';
import { sessionCookie } from './authenticate.ts';
import { publicOrigin } from './public-origin.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Routes that act on no cookie (provider webhooks, the web chat's visitor token), matched from the
 * start of the path: a substring match let `/channels/webchat/test`, an admin route, skip the check.
 */
const cookieFreePaths = /^\/api\/v1\/(webhooks|webchat)\//;

/** The origin a browser says the request came from: `Origin`, else the `Referer`'s origin. */
function sourceOrigin(origin: string | undefined, referer: string | undefined): URL | undefined {
  // A page with a no-referrer policy sends `Origin: null`: nothing to match, so it is refused.
  const from = origin ?? (referer && URL.canParse(referer) ? new URL(referer).origin : undefined);
  return from && URL.canParse(from) ? new URL(from) : undefined;
}

/** Whether `source` is the host the request was sent to (the Host header, which a page cannot set). */
function isSameHost(source: URL, host: string): boolean {
  // Read as a URL of the source's scheme, so a default port written out (":443") still matches.
  const target = `${source.protocol}//${host}`;
  return URL.canParse(target) && new URL(target).host === source.host;
}

/**
 * CSRF check (OWASP's "verifying origin with standard headers"): a write the session cookie would
 * sign in must come from the public origin or from the host it was sent to. Browsers set both
 * headers themselves, so another site's page cannot pass; API keys (Authorization) are never sent
 * by a browser on its own and are exempt, as are webhooks and the web chat, which use no cookie.
 */
export function checkOrigin(deps: Pick<AppDeps, 'publicUrl'>) {
  const configured = publicOrigin(deps);
  return createMiddleware(async (c, next) => {
    const path = c.req.path;
    if (safeMethods.has(c.req.method) || c.req.header('authorization') || cookieFreePaths.test(path))
      return next();
    const signedIn = getCookie(c, sessionCookie) !== undefined;
    // Signing in from another site's page (login CSRF) is refused too, when the browser says so.
    const signingIn = path.endsWith('/auth/login');
    if (!signedIn && !signingIn) return next();
    const source = sourceOrigin(c.req.header('origin'), c.req.header('referer'));
    if (!source && !signedIn) return next();
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (source && (source.origin === configured || isSameHost(source, host))) return next();
    const own = configured ?? host;
    throw new ApiError(403, 'CSRF_ORIGIN_MISMATCH', {
      en: `A change signed in by cookie must come from Omniflow's own pages (${own}), not from ${
        source?.origin ?? 'a request without Origin or Referer'
      }; scripts should send an API key instead`,
      es: `Un cambio con la sesión iniciada por cookie debe venir de las páginas de Omniflow (${own}), no de ${
        source?.origin ?? 'una petición sin Origin ni Referer'
      }; los scripts deben enviar una clave de API`,
    });
  });
}

/**
 * Whether a browser's request says it comes from Omniflow's own pages. For WebSocket handshakes:
 * they are GETs, which the check above lets by, yet the socket acts with the session cookie.
 */
export function fromOwnPages(
  deps: Pick<AppDeps, 'publicUrl'>,
  headers: { origin: string | undefined; host: string | undefined },
): boolean {
  const source = sourceOrigin(headers.origin, undefined);
  if (!source || !headers.host) return false;
  return source.origin === publicOrigin(deps) || isSameHost(source, headers.host);
}
