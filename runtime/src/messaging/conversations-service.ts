import { and, eq } from 'drizzle-orm';
import { conversations, newId, type Db } from '@omniflow/db';
import { workspaceOfRun } from './workspace-of-run.ts';
import type { NodeConversations } from '@omniflow/nodes/sdk';

/** Hand-over to people: a run puts its conversation in an agent queue and waits for it to close. */
export function createConversationsService(db: Db) {
  function forRun(runId: string): NodeConversations {
    return {
      async handOff({ channel, address, queue }) {
        const workspaceId = await workspaceOfRun(db, runId);
        // A retried activity finds the conversation it already opened.
        const [open] = await db
          .select({ id: conversations.id })
          .from(conversations)
          .where(and(eq(conversations.runId, runId), eq(conversations.status, 'agent')));
        if (open) return { conversationId: open.id };
        const id = newId();
        await db.insert(conversations).values({
          id,
          workspaceId,
          channel,
          contactAddress: address,
          runId,
          status: 'agent',
          queue,
        });
        return { conversationId: id };
      },
    };
  }
  return { forRun };
}

export type ConversationsService = ReturnType<typeof createConversationsService>;
