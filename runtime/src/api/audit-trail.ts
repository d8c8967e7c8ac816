import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import { auditRuleOf, isAudited, type AuditedRoute } from '../audit/audited-routes.ts';
import { resourceLabel, resourceLoaders } from '../audit/audit-resources.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { AppDeps, AppEnv, Principal } from './app-deps.ts';
import { actorOf } from './audit-actor.ts';
import { exactClientIp } from './client-address.ts';

/** The route that answers this request, as Hono lists it (`/api/v1/flows/:id`). */
function answeringRoute(c: Context): string | undefined {
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
  const routes = matchedRoutes(c);
  return (
    routes.find((r) => r.method === method)?.path ??
    routes.find((r) => r.method === 'ALL' && !r.path.endsWith('*'))?.path
  );
}

/** A route pattern's parameters read off the path (the middleware runs before they are parsed). */
export function pathParams(pattern: string, path: string): Record<string, string> {
  const names = pattern.split('/');
  const values = path.split('/');
  const params: Record<string, string> = {};
  names.forEach((segment, i) => {
    const name = /^:(\w+)/.exec(segment)?.[1];
    const value = values[i];
    if (!name || value === undefined) return;
    try {
      params[name] = decodeURIComponent(value);
    } catch {
      params[name] = value;
    }
  });
  return params;
}

function resourceId(rule: AuditedRoute, params: Record<string, string>, principal: Principal) {
  const where = rule.id ?? { param: 'id' };
  if (where === 'workspace') return principal.workspaceId;
  if (where === 'self') return principal.userId ?? undefined;
  if (where === 'none' || where === 'response') return undefined;
  return params[where.param];
}

async function createdId(response: Response): Promise<string | undefined> {
  if (!response.headers.get('content-type')?.includes('application/json')) return undefined;
  try {
    const body: unknown = await response.clone().json();
    const id = body !== null && typeof body === 'object' ? (body as { id?: unknown }).id : undefined;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
  } catch {
    return undefined;
  }
}

/** The JSON body the route took (Hono keeps what its validator parsed), or undefined. */
async function jsonBody(c: Context): Promise<unknown> {
  if (!c.req.header('content-type')?.includes('application/json')) return undefined;
  try {
    return (await c.req.json()) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A player seeking asks for a range many times: only the first request (no range, or from byte
 * 0) is a new listen.
 */
const repeatedRange = (c: Context) => {
  const range = c.req.header('range');
  return range !== undefined && !/^bytes=0-/.test(range.trim());
};

/**
 * The audit trail of the API (issue #16): after authentication, every request a route in
 * audit/audited-routes.ts names is recorded once it succeeded, with the resource loaded before
 * and after. Routes never record themselves; a route that needs more calls `recordAudit`.
 */
export function auditTrail(deps: AppDeps) {
  const trustProxy = deps.trustProxy ?? process.env.OMNIFLOW_TRUST_PROXY === '1';
  return createMiddleware<AppEnv>(async (c, next) => {
    const pattern = answeringRoute(c);
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    const rule = pattern ? auditRuleOf(method, pattern) : undefined;
    const principal = c.get('principal');
    if (!isAudited(rule) || !principal || !pattern) return next();
    const workspaceId = principal.workspaceId;
    const params = pathParams(pattern, c.req.path);
    const load = rule.read ? undefined : resourceLoaders[rule.resource];
    let id = resourceId(rule, params, principal);
    const keep = rule.snapshot !== false;
    const before = keep && load && id !== undefined ? await load(deps.db, workspaceId, id) : undefined;
    await next();
    const status = c.res.status;
    if (status >= 400 || (rule.read && repeatedRange(c))) return;
    if (rule.id === 'response') id = await createdId(c.res);
    const [after, actor] = await Promise.all([
      load && id !== undefined ? load(deps.db, workspaceId, id) : undefined,
      actorOf(deps.db, principal),
    ]);
    const query = c.req.query();
    const body = rule.keepBody ? await jsonBody(c) : undefined;
    const details = {
      ...(rule.read && Object.keys(query).length > 0 ? { query } : {}),
      ...(body !== undefined ? { body } : {}),
      ...(rule.read && c.req.query('download') ? { download: true } : {}),
    };
    await recordAudit(deps.db, {
      workspaceId,
      actor,
      action: rule.action,
      resource: { type: rule.resource, id: id ?? null, label: resourceLabel(after ?? before) },
      request: {
        method,
        path: c.req.path,
        status,
        ip: exactClientIp(c, trustProxy) ?? null,
        userAgent: c.req.header('user-agent') ?? null,
        requestId: c.res.headers.get('x-request-id') ?? c.req.header('x-request-id') ?? null,
      },
      before,
      after: keep ? after : undefined,
      details: Object.keys(details).length > 0 ? details : undefined,
    });
  });
}
