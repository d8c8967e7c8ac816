import { createContext, useContext, type ReactNode } from 'react';
import type { Permission } from '../../api/types.ts';

/** What the signed-in caller may do (GET /auth/me); null: not told, so nothing is hidden. */
const PermissionsContext = createContext<ReadonlySet<Permission> | null>(null);
/** The caller's role name, to tell a person why something is not offered; null: not told. */
const RoleContext = createContext<string | null>(null);

export function PermissionsProvider({
  permissions,
  role = null,
  children,
}: {
  permissions: readonly Permission[];
  role?: string | null;
  children: ReactNode;
}) {
  return (
    <RoleContext.Provider value={role}>
      <PermissionsContext.Provider value={new Set(permissions)}>{children}</PermissionsContext.Provider>
    </RoleContext.Provider>
  );
}

export const useRole = (): string | null => useContext(RoleContext);

/**
 * Whether the caller may do something: the app offers only what the server would allow (the
 * server checks every route anyway; this spares a person buttons that end in a 403).
 */
export function useCan(): (permission: Permission) => boolean {
  const granted = useContext(PermissionsContext);
  return (permission) => granted === null || granted.has(permission);
}
