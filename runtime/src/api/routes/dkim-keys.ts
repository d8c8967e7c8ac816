import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { NodeError } from '@omniflow/nodes/sdk';
import { createDkimKeyStore, type DkimKeyView } from '../../email/dkim-key-store.ts';
import { ApiError } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { channelResolverOf } from '../channel-resolver-of.ts';
import { errorResponses, errorSchema, json, notFoundResponse } from '../schemas.ts';

// RFC 1035 §2.3.1 labels; a selector may itself have dots (RFC 6376 §3.1).
const label = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const domainParam = z.object({
  domain: z
    .string()
    .max(253, 'domain is at most 253 characters')
    .regex(new RegExp(`^(?:${label}\\.)+[A-Za-z]{2,63}$`), 'domain is a mail domain such as example.org')
    .openapi({ param: { name: 'domain', in: 'path' }, example: 'example.org' }),
});

const keyInput = z
  .object({
    selector: z
      .string()
      .max(63, 'selector is at most 63 characters')
      .regex(
        new RegExp(`^${label}(?:\\.${label})*$`),
        'selector is letters, digits and hyphens (such as of202612)',
      )
      .optional()
      .openapi({ description: 'The DNS selector; `of<year><month>` when left out' }),
    privateKey: z
      .string()
      .max(20_000, 'privateKey is a PEM key of at most 20 000 characters')
      .optional()
      .openapi({ description: 'An RSA private key in PEM to use; a new 2048-bit key is made when left out' }),
  })
  .strict()
  .openapi('DkimKeyInput');

const keyView = z
  .object({
    domain: z.string(),
    selector: z.string(),
    publicKey: z.string().openapi({ description: 'Base64 DER, the p= of the record' }),
    dnsRecord: z.object({
      name: z.string().openapi({ description: 'Where to publish it: <selector>._domainkey.<domain>' }),
      type: z.literal('TXT'),
      value: z.string().openapi({ description: 'The TXT record’s text, as a DNS provider’s form takes it' }),
      zoneLine: z
        .string()
        .openapi({ description: 'The same in zone-file syntax, in strings of ≤ 255 characters' }),
    }),
    createdAt: z.string(),
  })
  .openapi('DkimKey');

const forbidden = { 403: json(errorSchema, 'Not an admin') };

const routes = {
  list: createRoute({
    method: 'get',
    path: '/dkim-keys',
    tags: ['email'],
    summary: 'The DKIM key of each sending domain, with the DNS record to publish (never the private key)',
    responses: {
      200: json(z.object({ items: z.array(keyView) }), 'The keys'),
      ...errorResponses,
      ...forbidden,
    },
  }),
  put: createRoute({
    method: 'put',
    path: '/dkim-keys/{domain}',
    tags: ['email'],
    summary: 'Make or paste the DKIM key a sending domain’s mail is signed with (replaces the one before)',
    request: {
      params: domainParam,
      body: { required: true, content: { 'application/json': { schema: keyInput } } },
    },
    responses: {
      200: json(keyView, 'The key and the DNS record to publish'),
      ...errorResponses,
      ...forbidden,
      422: json(errorSchema, 'The pasted key cannot sign DKIM'),
    },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/dkim-keys/{domain}',
    tags: ['email'],
    summary: 'Stop signing a domain’s mail',
    request: { params: domainParam },
    responses: { 204: { description: 'Forgotten' }, ...errorResponses, ...forbidden, ...notFoundResponse },
  }),
};

const shown = (key: DkimKeyView) => ({ ...key, createdAt: key.createdAt.toISOString() });

/** Admin-only: DKIM keys per sending domain, the private halves sealed like channel secrets. */
export function dkimKeyRoutes(deps: AppDeps) {
  const store = () => createDkimKeyStore(deps.db, channelResolverOf(deps).keyring);
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => {
      const principal = c.get('principal');
      return c.json({ items: (await store().list(principal.workspaceId)).map(shown) }, 200);
    })
    .openapi(routes.put, async (c) => {
      const principal = c.get('principal');
      const { domain } = c.req.valid('param');
      const body = c.req.valid('json');
      const saved = await store()
        .save(principal.workspaceId, { domain, ...body })
        .catch((error: unknown) => {
          if (error instanceof NodeError) throw new ApiError(422, error.code, error.message);
          throw error;
        });
      return c.json(shown(saved), 200);
    })
    .openapi(routes.remove, async (c) => {
      const principal = c.get('principal');
      const { domain } = c.req.valid('param');
      if (!(await store().remove(principal.workspaceId, domain)))
        throw new ApiError(404, 'NOT_FOUND', {
          en: `${domain} has no DKIM key`,
          es: `${domain} no tiene clave DKIM`,
        });
      return c.body(null, 204);
    });
}
