import { eq } from 'drizzle-orm';
import { aiProviders, type Db } from '@omniflow/db';
import type { AiProvider } from '@omniflow/nodes/sdk';
import { openSecrets, sealSecrets } from '../credentials/secret-box.ts';
import type { SecretKeyring } from '../credentials/secret-keyring.ts';

/** What an admin reads back: never the key, only whether one is set. */
export interface AiProviderView {
  baseUrl: string;
  model: string;
  hasApiKey: boolean;
  updatedAt: Date;
}

/** The API key is bound to its workspace (AES-GCM associated data), like channel secrets. */
export const contextOf = (workspaceId: string) => `${workspaceId}/ai-provider`;

const viewColumns = {
  baseUrl: aiProviders.baseUrl,
  model: aiProviders.model,
  hasApiKey: aiProviders.hasApiKey,
  updatedAt: aiProviders.updatedAt,
};

/** A workspace's OpenAI-compatible endpoint for ai.chat (Settings → AI provider). */
export function createAiProviderStore(db: Db, keyring: () => SecretKeyring) {
  return {
    async get(workspaceId: string): Promise<AiProviderView | undefined> {
      const [row] = await db
        .select(viewColumns)
        .from(aiProviders)
        .where(eq(aiProviders.workspaceId, workspaceId));
      return row;
    },

    /**
     * Saves the endpoint. `apiKey` undefined keeps the key already sealed (an admin changing the
     * model need not type it again); `null` removes it (a local server without keys).
     */
    async put(
      workspaceId: string,
      input: { baseUrl: string; model: string; apiKey?: string | null },
    ): Promise<AiProviderView> {
      const [existing] = await db.select().from(aiProviders).where(eq(aiProviders.workspaceId, workspaceId));
      const kept =
        input.apiKey === undefined && existing
          ? openSecrets(
              keyring(),
              { sealed: existing.secretsSealed, keyId: existing.keyId },
              contextOf(workspaceId),
            )
          : {};
      const secrets: Record<string, string> =
        typeof input.apiKey === 'string' ? { apiKey: input.apiKey } : kept;
      const sealed = sealSecrets(keyring(), secrets, contextOf(workspaceId));
      const values = {
        baseUrl: input.baseUrl,
        model: input.model,
        secretsSealed: sealed.sealed,
        keyId: sealed.keyId,
        hasApiKey: secrets.apiKey !== undefined,
        updatedAt: new Date(),
      };
      const [row] = await db
        .insert(aiProviders)
        .values({ workspaceId, ...values })
        .onConflictDoUpdate({ target: aiProviders.workspaceId, set: values })
        .returning(viewColumns);
      return row!;
    },

    async delete(workspaceId: string): Promise<boolean> {
      const gone = await db
        .delete(aiProviders)
        .where(eq(aiProviders.workspaceId, workspaceId))
        .returning({ workspaceId: aiProviders.workspaceId });
      return gone.length > 0;
    },

    /** The endpoint with its key opened, for the node; undefined when none is set. */
    async open(workspaceId: string): Promise<AiProvider | undefined> {
      const [row] = await db.select().from(aiProviders).where(eq(aiProviders.workspaceId, workspaceId));
      if (!row) return undefined;
      const { apiKey } = openSecrets(
        keyring(),
        { sealed: row.secretsSealed, keyId: row.keyId },
        contextOf(workspaceId),
      );
      return { baseUrl: row.baseUrl, model: row.model, ...(apiKey ? { apiKey } : {}) };
    },
  };
}

export type AiProviderStore = ReturnType<typeof createAiProviderStore>;
