import { eq } from 'drizzle-orm';
import { aiUsage, runs, type Db } from '@omniflow/db';
import { NodeError, type NodeAi } from '@omniflow/nodes/sdk';
import type { SecretKeyring } from '../credentials/secret-keyring.ts';
import { createAiProviderStore } from './ai-provider-store.ts';

/** What ai.chat gets in its activity: the run's workspace's provider, and a row per model call's tokens. */
export function createAiService(db: Db, keyring: () => SecretKeyring) {
  const store = createAiProviderStore(db, keyring);
  const ownerOf = async (runId: string) => {
    const [run] = await db
      .select({ workspaceId: runs.workspaceId, flowId: runs.flowId })
      .from(runs)
      .where(eq(runs.id, runId));
    if (!run) throw new NodeError('RUN_NOT_FOUND', `Run ${runId} is not recorded`, false);
    return run;
  };
  return {
    forStep(step: { runId: string; nodeId: string }): NodeAi {
      let owner: Promise<{ workspaceId: string; flowId: string }> | undefined;
      const run = () => (owner ??= ownerOf(step.runId));
      return {
        provider: async () => store.open((await run()).workspaceId),
        async recordUsage(usage) {
          const { workspaceId, flowId } = await run();
          await db
            .insert(aiUsage)
            .values({ workspaceId, flowId, runId: step.runId, nodeId: step.nodeId, ...usage });
        },
      };
    },
  };
}

export type AiService = ReturnType<typeof createAiService>;
