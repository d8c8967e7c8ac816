import type { Db } from '@omniflow/db';
import { voicePromptIdsIn } from '@omniflow/nodes/sdk';
import { publishedFlowsUsing, type PublishedFlowUser } from '../graph/published-flow-users.ts';

/** A published flow that plays a recorded prompt, and the nodes that do. */
export type VoicePromptUser = PublishedFlowUser;

/**
 * The flows whose newest published version (what new calls start on) names the prompt in any
 * node's config. Drafts do not count: the problems panel flags a draft's missing prompt instead.
 */
export function flowsUsingVoicePrompt(
  db: Db,
  workspaceId: string,
  promptId: string,
): Promise<VoicePromptUser[]> {
  return publishedFlowsUsing(db, workspaceId, (node) => voicePromptIdsIn(node.config).includes(promptId));
}
