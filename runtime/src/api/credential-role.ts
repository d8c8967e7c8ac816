import type { Role } from '@omniflow/db';
import { roleNames, roleWithin } from '../auth/permissions.ts';
import { ApiError } from './api-error.ts';
import type { Principal } from './app-deps.ts';
import type { ReaderLanguage } from './reader-language.ts';

const refusal = {
  key: {
    en: 'A key can do no more than its maker: your role ({maker}) does not allow all a {role} may do; ask an admin for the key',
    es: 'Una clave no puede hacer más que quien la crea: tu rol ({maker}) no permite todo lo que permite el rol {role}; pide la clave a un administrador',
  },
  client: {
    en: 'A client can do no more than its maker: your role ({maker}) does not allow all a {role} may do; ask an admin for the client',
    es: 'Un cliente no puede hacer más que quien lo crea: tu rol ({maker}) no permite todo lo que permite el rol {role}; pide el cliente a un administrador',
  },
} satisfies Record<string, Record<ReaderLanguage, string>>;

/**
 * The role a new API key or OAuth client acts with: the one asked for, else the maker's. Roles
 * are not a ladder, so "not above" means every permission of that role is the maker's, both as
 * they are now and as their own key may act (`cappedBy`); otherwise a 403 in the reader's language.
 */
export function credentialRole(
  principal: Principal,
  wanted: Role | undefined,
  what: keyof typeof refusal,
  language: ReaderLanguage,
): Role {
  const role = wanted ?? principal.role;
  const mine = principal.cappedBy ?? principal.role;
  if (roleWithin(role, mine) && roleWithin(role, principal.role)) return role;
  const names = { role: roleNames[role][language], maker: roleNames[mine][language] };
  throw new ApiError(
    403,
    'FORBIDDEN',
    refusal[what][language].replace(/\{(\w+)\}/g, (_, name: keyof typeof names) => names[name]),
  );
}
