import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { mailDomains } from '@omniflow/db';
import { ApiError } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { conflictResponse, errorResponses, json } from '../schemas.ts';

// RFC 1035 §2.3.1 labels (letters, digits, hyphens inside), at least two of them.
const domainShape =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

const domainsSchema = z
  .object({
    domains: z
      .array(
        z
          .string({ message: 'Each domain must be text' })
          .trim()
          .toLowerCase()
          .transform((d) => d.replace(/\.$/, ''))
          .refine((d) => domainShape.test(d), {
            message: 'Write a domain like ayuda.example.org (no @, no http://)',
          }),
      )
      .max(100, 'At most 100 domains'),
  })
  .openapi('MailDomains');

const routes = {
  get: createRoute({
    method: 'get',
    path: '/mail/domains',
    tags: ['mail'],
    summary: 'Domains whose mail this workspace takes on the inbound server (any address there)',
    responses: { 200: json(domainsSchema, 'The domains'), ...errorResponses },
  }),
  put: createRoute({
    method: 'put',
    path: '/mail/domains',
    tags: ['mail'],
    summary: 'Set the domains whose mail this workspace takes (`channels:manage`)',
    request: { body: { required: true, content: { 'application/json': { schema: domainsSchema } } } },
    responses: {
      200: json(domainsSchema, 'The domains now'),
      ...errorResponses,
      403: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'Not an admin'),
      ...conflictResponse,
    },
  }),
};

/** Per-workspace inbound settings: which whole domains the built-in SMTP server takes mail for. */
export function mailDomainRoutes({ db }: AppDeps) {
  const list = async (workspaceId: string) =>
    (await db.select().from(mailDomains).where(eq(mailDomains.workspaceId, workspaceId)))
      .map((r) => r.domain)
      .sort();
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.get, async (c) => c.json({ domains: await list(c.get('principal').workspaceId) }, 200))
    .openapi(routes.put, async (c) => {
      const workspaceId = c.get('principal').workspaceId;
      const domains = [...new Set(c.req.valid('json').domains)];
      await db.transaction(async (tx) => {
        if (domains.length > 0) {
          const taken = await tx
            .select({ domain: mailDomains.domain })
            .from(mailDomains)
            .where(and(inArray(mailDomains.domain, domains), ne(mailDomains.workspaceId, workspaceId)));
          if (taken.length > 0)
            throw new ApiError(409, 'MAIL_DOMAIN_TAKEN', {
              en: `${taken.map((t) => t.domain).join(', ')} already belongs to another workspace: a domain's mail has one owner`,
              es: `${taken.map((t) => t.domain).join(', ')} ya pertenece a otro espacio de trabajo: el correo de un dominio tiene un solo dueño`,
            });
        }
        await tx.delete(mailDomains).where(eq(mailDomains.workspaceId, workspaceId));
        if (domains.length > 0)
          await tx.insert(mailDomains).values(domains.map((domain) => ({ domain, workspaceId })));
      });
      return c.json({ domains: await list(workspaceId) }, 200);
    });
}
