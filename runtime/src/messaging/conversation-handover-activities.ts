import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { messages, messagingChannels, type Db } from '@omniflow/db';
import { inboundMatches, messageInbound } from '@omniflow/nodes';
import type { MachineJson } from '../compiler/machine-json.ts';
import { insertRunRow } from '../runs/run-row-writes.ts';
import { noteRunExecution } from '../runs/note-run-execution.ts';
import { triggeredVersion } from '../runs/triggered-version.ts';
import type { FlowEvent } from '../machine/run-context.ts';
import type { FlowRunArgs } from '../temporal/workflow-api.ts';

export interface PrepareNextConversationRunInput {
  workspaceId: string;
  /** The conversation's workflow id, which the next run keeps (continue-as-new). */
  workflowId: string;
  /** Chosen by the ending run's workflow, so a retried activity writes the same row. */
  runId: string;
  /** The run that ended without taking the messages (they were linked to it on arrival). */
  endedRunId: string;
  /** The person's messages the run did not take, in the order they came. */
  messages: FlowEvent[];
}

/** Which recorded message an event is (route-inbound sends it along). */
const recordedMessage = z.object({ providerMessageId: z.string() });

/** What a message event carries that a trigger is matched on (route-inbound's `messageEventData`). */
const messageData = z.looseObject({
  channel: z.enum(messagingChannels),
  from: z.string(),
  to: z.string(),
  text: z.string().optional(),
});

/**
 * The activities a conversation's run calls when it ends with messages it never took
 * (workflows/conversation-handover.ts): which flow the first of them starts, the way route-inbound
 * would have chosen had it come a moment later, and the next run's row; then that run notes its
 * own execution once it has continued as new.
 */
export function createConversationHandoverActivities(db: Db) {
  const link = (workspaceId: string, left: FlowEvent[], runId: string | null) => {
    const ids = left.flatMap((m) => recordedMessage.safeParse(m).data?.providerMessageId ?? []);
    // A conversation is on one channel: any of its messages names it.
    const channel = left.map((m) => messageData.safeParse(m.data).data?.channel).find((c) => c !== undefined);
    if (ids.length === 0 || !channel) return Promise.resolve();
    return db
      .update(messages)
      .set({ runId })
      .where(
        and(
          eq(messages.workspaceId, workspaceId),
          eq(messages.channel, channel),
          inArray(messages.providerMessageId, ids),
        ),
      );
  };

  return {
    /**
     * The next run of the conversation, started by the first message a published flow's
     * `message.inbound` trigger takes, with the messages after it as its first events; none
     * when no flow takes any of them. Messages before it start nothing: they stay recorded in
     * the person's timeline, no longer linked to a run that never read them.
     */
    async prepareNextConversationRun(
      input: PrepareNextConversationRunInput,
    ): Promise<{ args: FlowRunArgs } | { args?: undefined }> {
      const { workspaceId } = input;
      // A retried attempt chooses again and finds its row written (the insert keeps the first).
      let version: Awaited<ReturnType<typeof triggeredVersion>>;
      let first = 0;
      for (; first < input.messages.length; first++) {
        const data = messageData.safeParse(input.messages[first]!.data).data;
        // Mail goes by thread (route-mail.ts), never by a conversation's address.
        if (!data || data.channel === 'email') continue;
        version = await triggeredVersion(db, workspaceId, messageInbound, (config) =>
          inboundMatches(config, data),
        );
        if (version) break;
      }
      await link(workspaceId, input.messages.slice(0, first), null);
      if (!version) return {};
      const [starting, ...after] = input.messages.slice(first);
      const trigger = messageData.parse(starting!.data);
      const startedAt = new Date();
      await insertRunRow(db, {
        id: input.runId,
        workspaceId,
        flowId: version.flowId,
        flowVersionId: version.id,
        version: version.version,
        input: trigger,
        contact: trigger.from,
        rerunOf: null,
        temporalWorkflowId: input.workflowId,
        startedAt,
      });
      await link(workspaceId, [starting!, ...after], input.runId);
      return {
        args: {
          runId: input.runId,
          workspaceId,
          // Compiled by compileFlow when the version was written; the column is plain jsonb.
          machine: version.machine as MachineJson,
          input: trigger,
          run: {
            id: input.runId,
            flowId: version.flowId,
            version: version.version,
            startedAt: startedAt.toISOString(),
          },
          events: after,
          conversation: true,
          handedOver: true,
        },
      };
    },

    /** The next run has its execution: noted on its row, and run.started told. */
    async noteConversationRunStarted(input: { runId: string; temporalRunId: string }): Promise<void> {
      await noteRunExecution(db, input.runId, input.temporalRunId);
    },
  };
}

export type ConversationHandoverActivities = ReturnType<typeof createConversationHandoverActivities>;
