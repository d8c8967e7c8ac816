import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { exactClientIp } from '../client-address.ts';
import { lazyKeyring, loadSecretKeyring } from '../../credentials/secret-keyring.ts';
import { emailLinkKeys, verifyEmailLink, type EmailLinkKind } from '../../email/email-links.ts';
import { takeClick, takeOpen, takeUnsubscribe, unsubscribeTarget } from '../../email/take-email-link.ts';
import {
  invalidLinkPage,
  pageLanguage,
  unsubscribeAskPage,
  unsubscribeDonePage,
} from '../../email/unsubscribe-page.ts';
import { errorBody } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorSchema } from '../schemas.ts';

// The smallest transparent GIF (43 bytes).
const pixel = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

const linkParams = z.object({
  messageId: z.string().openapi({ param: { name: 'messageId', in: 'path' } }),
  signature: z.string().openapi({ param: { name: 'signature', in: 'path' } }),
});
const html = (description: string) => ({
  description,
  content: { 'text/html': { schema: z.string() } },
});
const notFound = {
  404: {
    description: 'Not a link this server signed',
    content: { 'application/json': { schema: errorSchema } },
  },
} as const;

const routes = {
  open: createRoute({
    method: 'get',
    path: '/email-links/open/{messageId}/{signature}',
    tags: ['email'],
    summary: "A mail's open pixel: records an open and answers a 1×1 GIF",
    security: [],
    request: { params: linkParams },
    responses: {
      200: {
        description: 'A transparent 1×1 GIF',
        content: { 'image/gif': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...notFound,
    },
  }),
  click: createRoute({
    method: 'get',
    path: '/email-links/click/{messageId}/{signature}',
    tags: ['email'],
    summary: 'A tracked link in a mail: records the click and redirects to the link',
    security: [],
    request: { params: linkParams, query: z.object({ url: z.string().optional() }) },
    responses: { 302: { description: 'To the link as written in the mail' }, ...notFound },
  }),
  unsubscribePage: createRoute({
    method: 'get',
    path: '/email-links/unsubscribe/{messageId}/{signature}',
    tags: ['email'],
    summary: 'The unsubscribe page (es/en): asks, its button unsubscribes',
    security: [],
    request: { params: linkParams, query: z.object({ lang: z.string().optional() }) },
    responses: { 200: html('The page'), 404: html('The link is not valid') },
  }),
  unsubscribe: createRoute({
    method: 'post',
    path: '/email-links/unsubscribe/{messageId}/{signature}',
    tags: ['email'],
    summary: 'RFC 8058 one-click unsubscribe (List-Unsubscribe-Post), also the page’s button',
    security: [],
    request: { params: linkParams, query: z.object({ lang: z.string().optional() }) },
    responses: { 200: html('Unsubscribed (a confirmation page)'), 404: html('The link is not valid') },
  }),
};

const uuid = z.uuid();

/**
 * The links in the mail flows send (email/decorate-email.ts), outside sign-in: the signature is
 * the authority, so a link someone changed answers 404 and never redirects anywhere.
 */
export function emailLinkRoutes(deps: AppDeps) {
  const keyring = deps.secretKeyring ?? lazyKeyring(() => loadSecretKeyring());
  let keys: Buffer[] | undefined;
  const signed = (kind: EmailLinkKind, messageId: string, signature: string, url?: string) =>
    uuid.safeParse(messageId).success &&
    verifyEmailLink((keys ??= emailLinkKeys(keyring()).accepted), kind, messageId, signature, url);
  const trustProxy = deps.trustProxy ?? process.env.OMNIFLOW_TRUST_PROXY === '1';
  const visitor = (c: Context) => {
    const userAgent = c.req.header('user-agent');
    const address = exactClientIp(c, trustProxy);
    return { ...(userAgent ? { userAgent } : {}), ...(address ? { address } : {}) };
  };
  const notOurs = { error: errorBody('LINK_INVALID', 'This link was not signed by this server').error };
  const noStore = { 'cache-control': 'no-store, private' };
  const pageHeaders = {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    'referrer-policy': 'no-referrer',
  };

  return new OpenAPIHono<AppEnv>()
    .openapi(routes.open, async (c) => {
      const { messageId, signature } = c.req.valid('param');
      if (!signed('open', messageId, signature) || !(await takeOpen(deps.db, messageId, visitor(c))))
        return c.json(notOurs, 404);
      return c.body(pixel, 200, { 'content-type': 'image/gif', ...noStore });
    })
    .openapi(routes.click, async (c) => {
      const { messageId, signature } = c.req.valid('param');
      const { url } = c.req.valid('query');
      if (
        !url ||
        !/^https?:\/\//i.test(url) ||
        !signed('click', messageId, signature, url) ||
        !(await takeClick(deps.db, messageId, url, visitor(c)))
      )
        return c.json(notOurs, 404);
      return c.body(null, 302, { location: url, ...noStore });
    })
    .openapi(routes.unsubscribePage, async (c) => {
      const { messageId, signature } = c.req.valid('param');
      const language = pageLanguage(c.req.valid('query').lang, c.req.header('accept-language'));
      const target = signed('unsubscribe', messageId, signature)
        ? await unsubscribeTarget(deps.db, messageId)
        : undefined;
      if (!target) return c.body(invalidLinkPage(language), 404, pageHeaders);
      return c.body(unsubscribeAskPage(language, target), 200, pageHeaders);
    })
    .openapi(routes.unsubscribe, async (c) => {
      const { messageId, signature } = c.req.valid('param');
      const language = pageLanguage(c.req.valid('query').lang, c.req.header('accept-language'));
      // RFC 8058 §3.2: the body is `List-Unsubscribe=One-Click`; the signed URL alone identifies
      // the address, so any POST to it unsubscribes (nothing else can be asked for here).
      const target = signed('unsubscribe', messageId, signature)
        ? await takeUnsubscribe(deps.db, messageId, visitor(c))
        : undefined;
      if (!target) return c.body(invalidLinkPage(language), 404, pageHeaders);
      return c.body(unsubscribeDonePage(language, target), 200, pageHeaders);
    });
}
