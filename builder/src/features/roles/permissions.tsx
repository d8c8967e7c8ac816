import { createContext, useContext, type ReactNode } from 'react';
import type { Permission } from '../../api/types.ts';

/** What the signed-in caller may do (GET /auth/me); null: not told, so nothing is hidden. */
const PermissionsContext = createContext<ReadonlySet<Permission> | null>(null);

export function PermissionsProvider({
  permissions,
  children,
}: {
  permissions: readonly Permission[];
  children: ReactNode;
}) {
  return <PermissionsContext.Provider value={new Set(permissions)}>{children}</PermissionsContext.Provider>;
}

/**
 * Whether the caller may do something: the app offers only what the server would allow (the
 * server checks every route anyway; this spares a person buttons that end in a 403).
 */
export function useCan(): (permission: Permission) => boolean {
  const granted = useContext(PermissionsContext);
  return (permission) => granted === null || granted.has(permission);
}
