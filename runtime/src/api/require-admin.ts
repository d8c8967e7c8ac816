import { roleAtLeast } from '../auth/roles.ts';
import { ApiError } from './api-error.ts';
import type { Principal } from './app-deps.ts';

/** People and API keys alike need the admin role; a key's role is never above its maker's. */
export function requireAdmin(principal: Principal, what: string): void {
  if (!roleAtLeast(principal.role, 'admin'))
    throw new ApiError(403, 'FORBIDDEN', `Only an admin can ${what}`);
}
