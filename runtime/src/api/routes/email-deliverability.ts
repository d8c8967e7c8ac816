import { domainToASCII } from 'node:url';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { checkDeliverability } from '../../email/deliverability/check-deliverability.ts';
import { dnsServersFromEnv } from '../../email/deliverability/dns-lookup.ts';
import { sendingDomainsOf, sendingSetupOf } from '../../email/deliverability/sending-setup.ts';
import { checkStatuses, findingCodes, recordKinds } from '../../email/deliverability/types.ts';
import { ApiError } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorResponses, errorSchema, json } from '../schemas.ts';

// Labels of letters, digits and hyphens (RFC 1035 §2.3.1), at least two of them, 253 at most.
const hostname =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A domain as people write it: any case, a trailing dot, a whole address, accents (IDNA). */
const domainQuery = z.object({
  domain: z
    .string()
    .max(320, 'domain is too long: a domain name has at most 253 characters')
    .optional()
    .transform((value, ctx) => {
      const bare = value?.trim().split('@').pop()?.replace(/\.$/, '');
      if (!bare) return undefined;
      const ascii = domainToASCII(bare);
      if (!hostname.test(ascii)) {
        ctx.addIssue({ code: 'custom', message: 'domain must be a domain name, like example.com' });
        return z.NEVER;
      }
      return ascii;
    })
    .openapi({
      param: { name: 'domain', in: 'query' },
      description: 'The sending domain (default: the domain of the email channel’s From address)',
      example: 'example.com',
    }),
});

const sendingServer = z
  .object({
    host: z.string(),
    source: z.enum(['settings', 'environment']).openapi({
      description: 'Read from the workspace’s email channel settings, or from OMNIFLOW_SMTP_URL',
    }),
  })
  .openapi('SendingServer');

const deliverabilityCheck = z
  .object({
    kind: z.enum(recordKinds),
    status: z.enum(checkStatuses).openapi({
      description: '`unknown`: could not be checked (DNS did not answer, the sending server is not known)',
    }),
    findings: z
      .array(
        z.object({
          code: z.enum(findingCodes),
          params: z.record(z.string(), z.string()),
        }),
      )
      .openapi({ description: 'The main finding first, then notes; the builder words each code' }),
    published: z.array(z.string()).openapi({ description: 'What DNS answers for this record today' }),
    record: z
      .object({
        name: z.string(),
        type: z.enum(['TXT', 'MX']),
        value: z.string(),
        replaces: z.string().optional().openapi({ description: 'The published record this one replaces' }),
      })
      .optional()
      .openapi({ description: 'The exact record to publish, when one is missing or wrong' }),
  })
  .openapi('DeliverabilityCheck');

const report = z
  .object({
    domain: z.string(),
    checkedAt: z.string(),
    sendingServer: sendingServer.nullable(),
    checks: z.array(deliverabilityCheck),
  })
  .openapi('DeliverabilityReport');

const forbidden = { 403: json(errorSchema, 'Operators cannot check sending domains') };

const routes = {
  domains: createRoute({
    method: 'get',
    path: '/email/deliverability/domains',
    tags: ['email'],
    summary: 'The domains worth checking: the From address’s, then those with a DKIM key',
    responses: {
      200: json(
        z.object({ domains: z.array(z.string()), sendingServer: sendingServer.nullable() }),
        'The domains',
      ),
      ...errorResponses,
      ...forbidden,
    },
  }),
  check: createRoute({
    method: 'get',
    path: '/email/deliverability',
    tags: ['email'],
    summary: 'Looks up a sending domain’s SPF, DKIM, DMARC and MX and says what to publish',
    request: { query: domainQuery },
    responses: {
      200: json(report, 'What DNS says, record by record'),
      ...errorResponses,
      ...forbidden,
      422: json(errorSchema, 'No domain given and no From address to take it from'),
    },
  }),
};

/** Settings → Email deliverability: the sending domain's DNS, record by record. */
export function emailDeliverabilityRoutes(deps: AppDeps) {
  // Read once, so a mistyped OMNIFLOW_DNS_SERVERS stops the server at start, not each check.
  const dnsServers = deps.dnsServers ?? dnsServersFromEnv(process.env);
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.domains, async (c) => {
      const principal = c.get('principal');
      const setup = await sendingSetupOf(deps.db, principal.workspaceId, process.env);
      const domains = await sendingDomainsOf(deps.db, principal.workspaceId, setup);
      return c.json({ domains, sendingServer: setup.server ?? null }, 200);
    })
    .openapi(routes.check, async (c) => {
      const principal = c.get('principal');
      const domain =
        c.req.valid('query').domain ??
        (await sendingSetupOf(deps.db, principal.workspaceId, process.env)).fromDomain;
      if (!domain)
        throw new ApiError(422, 'SENDING_DOMAIN_UNKNOWN', {
          en: 'Say which domain to check (?domain=example.com): the email channel has no From address to take it from',
          es: 'Indica qué dominio comprobar (?domain=example.com): el canal de correo no tiene una dirección de remitente de la que tomarlo',
        });
      const result = await checkDeliverability(
        { db: deps.db, env: process.env, ...(dnsServers ? { dnsServers } : {}) },
        principal.workspaceId,
        domain,
      );
      return c.json(result, 200);
    });
}
