import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './app-deps.ts';
import { publicOrigin } from './public-origin.ts';
import { cameOverHttps } from './request-scheme.ts';

/**
 * What the app's pages may load: only this origin's own files (no CDN anywhere). Styles allow
 * inline because Monaco, React Flow and the server-rendered pages (docs, API reference,
 * unsubscribe) inject <style> elements; scripts never run inline. Monaco's workers are Vite-built
 * files here; `blob:` stays for the worker fallback Monaco takes when a worker URL fails.
 * Images allow https: because an email template previewed in the builder may show a remote logo.
 */
export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
  fontSrc: ["'self'", 'data:'],
  mediaSrc: ["'self'", 'blob:'],
  workerSrc: ["'self'", 'blob:'],
  // The web chat and browser-phone sockets are this origin's too ('self' covers ws:/wss: to it).
  connectSrc: ["'self'"],
  frameSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  // No page of Omniflow is meant to be framed by another site: the web chat is a script that runs
  // in the customer's own page (webchat.js), not an iframe of ours.
  frameAncestors: ["'self'"],
};

/** A year, the least HSTS preload lists accept. */
export const hstsValue = 'max-age=31536000; includeSubDomains';

/**
 * The usual security headers on every answer, a CSP on every page, and HSTS whenever people reach
 * Omniflow over https (served here with OMNIFLOW_TLS_CERT, or the public origin is https behind a
 * proxy). Over plain http HSTS would be ignored by browsers, and promising https that is not
 * there would lock people out.
 */
export function securityHeaders(deps: Pick<AppDeps, 'publicUrl' | 'trustProxy'>) {
  const httpsOrigin = publicOrigin(deps)?.startsWith('https:') === true;
  const trustProxy = deps.trustProxy ?? process.env.OMNIFLOW_TRUST_PROXY === '1';
  const common = {
    contentSecurityPolicy: contentSecurityPolicy,
    strictTransportSecurity: false,
    // Not no-referrer: under it a same-origin POST carries `Origin: null`, which the CSRF check
    // (check-origin.ts) must refuse. This one sends only the origin to other sites.
    referrerPolicy: 'strict-origin-when-cross-origin',
    xFrameOptions: 'SAMEORIGIN',
    // The builder's phone opens no popups; the browser-phone needs the microphone, left allowed.
    crossOriginOpenerPolicy: 'same-origin',
  } as const;
  const ownPages = secureHeaders({ ...common, crossOriginResourcePolicy: 'same-origin' });
  // The web chat script is loaded by customers' sites (a no-cors <script>): it must be shareable.
  const widget = secureHeaders({ ...common, crossOriginResourcePolicy: 'cross-origin' });
  return createMiddleware(async (c, next) => {
    const handler = c.req.path === '/webchat.js' ? widget : ownPages;
    await handler(c, next);
    if (httpsOrigin || cameOverHttps(c.req.url, c.req.header('x-forwarded-proto'), trustProxy))
      c.res.headers.set('strict-transport-security', hstsValue);
  });
}
