import type { ReactNode } from 'react';
import type { Permission } from '../../api/types.ts';
import { useCan } from './permissions.tsx';

/**
 * A control shown only to a role the server would let through (a save button whose PUT needs
 * `permission`): the values around it stay visible to read, the button that ends in a 403 does not.
 */
export function OnlyIfAllowed({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan()(permission) ? <>{children}</> : null;
}
