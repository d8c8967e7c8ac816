import type { Context } from 'hono';
import { recordAudit } from '../audit/record-audit.ts';
import type { AppDeps } from './app-deps.ts';
import { exactClientIp } from './client-address.ts';

/**
 * Sign-ins are public routes, so the audit trail's middleware never sees them: a security office
 * still asks who got in, and who tried with the right email and a wrong password, from where.
 * An unknown email names no workspace and is not written (the lockout still counts it).
 */
export async function auditSignIn(
  c: Context,
  deps: AppDeps,
  person: { id: string; email: string; name: string },
  workspaceId: string,
  outcome: 'user.signed-in' | 'user.sign-in-failed',
): Promise<void> {
  const trustProxy = deps.trustProxy ?? process.env.OMNIFLOW_TRUST_PROXY === '1';
  await recordAudit(deps.db, {
    workspaceId,
    actor: { kind: 'user', id: person.id, name: person.name || null, email: person.email },
    action: outcome,
    resource: { type: 'user', id: person.id, label: person.email },
    request: {
      method: c.req.method,
      path: c.req.path,
      ip: exactClientIp(c, trustProxy) ?? null,
      userAgent: c.req.header('user-agent') ?? null,
      requestId: c.res.headers.get('x-request-id') ?? c.req.header('x-request-id') ?? null,
    },
  });
}
