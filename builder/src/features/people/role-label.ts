import type { MessageKey } from '../../i18n/catalog.ts';
import { catalog } from '../../i18n/catalog.ts';

/** A role in words; a role the catalog does not know yet shows as the server names it. */
export function roleLabelKey(role: string): MessageKey | undefined {
  const key = `people.role.${role}`;
  return key in catalog.en ? (key as MessageKey) : undefined;
}
