import { rolePermissions, roleMay, type Permission } from '../auth/permissions.ts';
import type { Principal } from './app-deps.ts';

/**
 * Whether the caller may: their role holds the permission and, for a key whose maker may now do
 * less than the key's role says, so does the maker's role (a key is never above its maker).
 */
export function principalMay(principal: Principal, permission: Permission): boolean {
  return (
    roleMay(principal.role, permission) &&
    (principal.cappedBy === undefined || roleMay(principal.cappedBy, permission))
  );
}

/** Everything the caller may do, in the matrix's order (what `GET /auth/me` answers). */
export function principalPermissions(principal: Principal): Permission[] {
  return rolePermissions[principal.role].filter((permission) => principalMay(principal, permission));
}
