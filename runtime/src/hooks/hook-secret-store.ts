import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { hookSecrets, type Db } from '@omniflow/db';
import { sealSecrets } from '../credentials/secret-box.ts';
import type { SecretKeyring } from '../credentials/secret-keyring.ts';

/** A hook's secret is bound to its workspace and flow (AES-GCM associated data). */
export const hookSecretContext = (workspaceId: string, flowId: string) => `${workspaceId}/hook/${flowId}`;

/**
 * The HMAC secrets of webhook flows: made here, answered once, stored only sealed.
 */
export function createHookSecretStore(db: Db, keyring: () => SecretKeyring) {
  return {
    /** When the flow's secret was made, if it has one (the secret itself is never read back). */
    async madeAt(workspaceId: string, flowId: string): Promise<Date | undefined> {
      const [row] = await db
        .select({ updatedAt: hookSecrets.updatedAt })
        .from(hookSecrets)
        .where(and(eq(hookSecrets.workspaceId, workspaceId), eq(hookSecrets.flowId, flowId)));
      return row?.updatedAt;
    },
    /** A new secret for the flow, replacing any before it; the answer is its only reading. */
    async renew(workspaceId: string, flowId: string): Promise<{ secret: string; updatedAt: Date }> {
      const secret = randomBytes(32).toString('base64url');
      const sealed = sealSecrets(keyring(), { secret }, hookSecretContext(workspaceId, flowId));
      const updatedAt = new Date();
      const values = { secretSealed: sealed.sealed, keyId: sealed.keyId, updatedAt };
      await db
        .insert(hookSecrets)
        .values({ flowId, workspaceId, ...values })
        .onConflictDoUpdate({ target: hookSecrets.flowId, set: values });
      return { secret, updatedAt };
    },
  };
}
