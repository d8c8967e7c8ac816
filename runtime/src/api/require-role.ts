import { roleAtLeast, type Role } from '../auth/roles.ts';
import { ApiError } from './api-error.ts';
import type { Principal } from './app-deps.ts';

const who: Record<Role, string> = {
  operator: 'a signed-in member',
  designer: 'a designer or an admin',
  admin: 'an admin',
};

/** People and API keys alike need the role; a key's role is never above its maker's. */
export function requireRole(principal: Principal, role: Role, what: string): void {
  if (!roleAtLeast(principal.role, role))
    throw new ApiError(403, 'FORBIDDEN', `Only ${who[role]} can ${what}`);
}

export const requireDesigner = (principal: Principal, what: string) =>
  requireRole(principal, 'designer', what);
export const requireAdmin = (principal: Principal, what: string) => requireRole(principal, 'admin', what);
