import { z } from '@hono/zod-openapi';
import { apiScopes, normalizeScopes, type ApiScope } from '../auth/scopes.ts';
import { ApiError } from './api-error.ts';

/** What an API key or OAuth client may call (auth/scopes.ts); at least one. */
export const scopesField = z
  .array(z.enum(apiScopes))
  .min(1, 'Choose at least one scope')
  .max(apiScopes.length * 2)
  .transform((scopes): ApiScope[] => normalizeScopes(scopes))
  .openapi({
    description: 'read, messages:send, runs:write, flows:write, admin (README "API keys and scopes")',
  });

/** When the key or client stops working; absent or null = until revoked. */
export const expiresAtField = z.iso
  .datetime({ offset: true, message: 'Expected a date and time like 2027-01-31T00:00:00Z' })
  .nullable()
  .optional();

/** A wanted expiry as a date, refused when it has already passed. */
export function futureExpiry(expiresAt: string | null | undefined, now: Date): Date | null {
  if (!expiresAt) return null;
  const at = new Date(expiresAt);
  if (at <= now)
    throw new ApiError(400, 'EXPIRY_IN_PAST', {
      en: `The expiry ${expiresAt} has already passed; choose a later date`,
      es: `La caducidad ${expiresAt} ya ha pasado; elige una fecha posterior`,
    });
  return at;
}

/** What API keys and OAuth clients both answer of their making and use (the list's last columns). */
export const credentialUseFields = {
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  lastUsedIp: z.string().nullable(),
};

export function credentialUse(row: {
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
}) {
  return {
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    lastUsedIp: row.lastUsedIp,
  };
}
