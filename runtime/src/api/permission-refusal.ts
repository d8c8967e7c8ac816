import { permissionInfo, roleNames, rolesWith, type Permission } from '../auth/permissions.ts';
import { ApiError } from './api-error.ts';
import type { Principal } from './app-deps.ts';
import type { ReaderLanguage } from './reader-language.ts';

function list(items: string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

/**
 * The 403 a person can act on, in their language: what their role cannot do and who can (the
 * roles holding the permission), so they know whom to ask.
 */
export function permissionRefusal(
  principal: Principal,
  permission: Permission,
  language: ReaderLanguage,
): ApiError {
  const roles = rolesWith(permission).map((role) => roleNames[role][language]);
  const what = permissionInfo[permission][language];
  const mine = roleNames[principal.cappedBy ?? principal.role][language];
  const key = principal.via === 'api-key';
  const onlyAdmin = roles.length === 1 && roles[0] === roleNames.admin[language];
  const who = key
    ? { en: 'This API key', es: 'Esta clave de API' }[language]
    : { en: 'Your role', es: 'Tu rol' }[language];
  const message =
    language === 'es'
      ? `${who} (${mine}) no permite ${what}: ${onlyAdmin ? 'solo puede un administrador' : `pueden hacerlo ${list(roles, 'o')}`}; pídeselo a un administrador`
      : `${who} (${mine}) cannot ${what}: ${onlyAdmin ? 'only an admin can' : `${list(roles, 'or')} can`}; ask an admin`;
  return new ApiError(403, 'FORBIDDEN', message, { permission, roles: rolesWith(permission) });
}
