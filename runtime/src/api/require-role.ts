import type { Permission } from '../auth/permissions.ts';
import type { Principal } from './app-deps.ts';
import { permissionRefusal } from './permission-refusal.ts';
import { principalMay } from './principal-permissions.ts';
import type { ReaderLanguage } from './reader-language.ts';

/**
 * For a rule that depends on the data (whose key, which field): every route's own permission is
 * checked centrally from route-permissions.ts before the handler runs, so a route calls this only
 * for a second permission that its data brings in.
 */
export function requirePermission(
  principal: Principal,
  permission: Permission,
  language: ReaderLanguage = 'en',
): void {
  if (!principalMay(principal, permission)) throw permissionRefusal(principal, permission, language);
}

/**
 * @deprecated Give the route a line in route-permissions.ts instead; kept so a branch written
 * before the matrix still builds. Admins only.
 */
export const requireAdmin = (principal: Principal, _what?: string) =>
  requirePermission(principal, 'settings:manage');
