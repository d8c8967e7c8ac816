import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import {
  NodeError,
  type NodeRecordings,
  type NextNodes,
  type NodeRegistry,
  type NodeVoice,
  type NodeVoicePrompts,
  type TemplateScope,
} from '@omniflow/nodes/sdk';
import type { ExecuteNodeInput, ExecuteNodeResult } from './run-progress.ts';
import type { MessagingService } from '../messaging/messaging-service.ts';
import type { ContactsService } from '../messaging/contacts-service.ts';
import type { ConversationsService } from '../messaging/conversations-service.ts';
import type { TemplateLibrary } from '../templates/template-library.ts';
import type { AiService } from '../ai/ai-service.ts';

export interface ActivityDependencies {
  registry: NodeRegistry;
  env?: Record<string, string | undefined>;
  /** The channels messaging nodes send through; without it they fail with CHANNEL_NOT_CONFIGURED. */
  messaging?: MessagingService;
  contacts?: ContactsService;
  conversations?: ConversationsService;
  /** The workspace's template library, rendered for nodes that pick a template by name. */
  templates?: Pick<TemplateLibrary, 'forRun'>;
  /** The calls this process holds: only on a voice endpoint's call-queue worker. */
  voice?: NodeVoice;
  /** Stores recordings voice nodes make: beside `voice` on a voice endpoint's worker. */
  recordings?: { forStep(step: { runId: string; nodeId: string; idempotencyKey: string }): NodeRecordings };
  /** The workspaces' recorded prompts as local files: beside `voice` on a voice endpoint's worker. */
  voicePrompts?: NodeVoicePrompts;
  /** The workspaces' AI providers and token counts, for ai.chat. */
  ai?: Pick<AiService, 'forStep'>;
}

/**
 * Heartbeats a third of the activity's heartbeat timeout apart while the node runs (the timeout
 * comes from the node's options through the workflow): the node's work — a recording, a caller
 * typing — is alive as long as this process is, and Temporal notices a dead process after the
 * heartbeat timeout instead of after start-to-close.
 */
function keepHeartbeating(): () => void {
  const context = Context.current();
  const timeoutMs = context.info.heartbeatTimeoutMs;
  if (!timeoutMs) return () => undefined;
  const timer = setInterval(() => context.heartbeat(), Math.max(1000, Math.floor(timeoutMs / 3)));
  return () => clearInterval(timer);
}

/** The failure Temporal records; its last detail is the attempt, so the run can show retries. */
function toFailure(error: unknown, attempt: number): ApplicationFailure {
  if (error instanceof ApplicationFailure) return error;
  if (error instanceof NodeError) {
    return ApplicationFailure.create({
      message: error.message,
      type: error.code,
      nonRetryable: !error.retryable,
      details: [error.details ?? null, { attempt }],
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return ApplicationFailure.create({
    message,
    type: typeof code === 'string' ? code : 'NODE_ERROR',
    details: [null, { attempt }],
  });
}

/** Activities built over their dependencies, so tests pass real ones without module mocks. */
export function createActivities({
  registry,
  env = process.env,
  messaging,
  contacts,
  conversations,
  templates,
  voice,
  recordings,
  voicePrompts,
  ai,
}: ActivityDependencies) {
  return {
    /** Runs one node's side effect (an HTTP call, a message) and returns the port it leaves by. */
    async executeNode(input: ExecuteNodeInput): Promise<ExecuteNodeResult> {
      const definition = registry.get(input.nodeType, input.version);
      if (!definition?.activity) {
        throw ApplicationFailure.nonRetryable(
          `This worker has no activity for ${input.nodeType}@${input.version}; deploy a worker with that node`,
          'UNKNOWN_NODE_TYPE',
        );
      }
      const config = definition.config.parse(input.config);
      const attempt = Context.current().info.attempt;
      const stopHeartbeats = keepHeartbeating();
      try {
        const result = await definition.activity.run(config, input.scope as TemplateScope, {
          idempotencyKey: input.idempotencyKey,
          nodeId: input.nodeId,
          signal: Context.current().cancellationSignal,
          env,
          ...(messaging
            ? {
                messaging: messaging.forStep({
                  runId: input.runId,
                  nodeId: input.nodeId,
                  idempotencyKey: input.idempotencyKey,
                }),
              }
            : {}),
          ...(contacts ? { contacts: contacts.forRun(input.runId) } : {}),
          ...(conversations ? { conversations: conversations.forRun(input.runId) } : {}),
          ...(templates ? { templates: templates.forRun(input.runId) } : {}),
          ...(ai ? { ai: ai.forStep({ runId: input.runId, nodeId: input.nodeId }) } : {}),
          ...(voice ? { voice } : {}),
          ...(voicePrompts ? { voicePrompts } : {}),
          ...(recordings
            ? {
                recordings: recordings.forStep({
                  runId: input.runId,
                  nodeId: input.nodeId,
                  idempotencyKey: input.idempotencyKey,
                }),
              }
            : {}),
          ...(input.next !== undefined ? { next: input.next as NextNodes } : {}),
        });
        return {
          port: result.port,
          output: result.output,
          ...(result.input !== undefined ? { input: result.input } : {}),
          ...(result.fault ? { fault: result.fault } : {}),
          attempts: attempt,
        };
      } catch (error) {
        throw toFailure(error, attempt);
      } finally {
        stopHeartbeats();
      }
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
