import { and, eq, inArray } from 'drizzle-orm';
import { voicePrompts, type Db } from '@omniflow/db';
import { voicePromptIdOf } from '@omniflow/nodes/sdk';
import type { FlowDocument } from '../graph/flow-schema.ts';
import type { ValidationIssue } from '../graph/validation-issue.ts';

/** Every `prompt:<id>` in a node's config with where it is, so the issue lands on its field. */
function promptRefs(
  config: unknown,
  path: (string | number)[] = [],
): { id: string; path: (string | number)[] }[] {
  const id = voicePromptIdOf(config);
  if (id) return [{ id, path }];
  if (Array.isArray(config)) return config.flatMap((value, index) => promptRefs(value, [...path, index]));
  if (config && typeof config === 'object')
    return Object.entries(config).flatMap(([key, value]) => promptRefs(value, [...path, key]));
  return [];
}

/**
 * VOICE_PROMPT_UNKNOWN for each node that plays a recorded prompt this workspace does not have
 * (deleted, or a flow imported from another workspace): at run time it would fail the call, so
 * it is an error the problems panel shows and publishing refuses.
 */
export async function unknownVoicePromptIssues(
  db: Db,
  workspaceId: string,
  graph: FlowDocument,
): Promise<ValidationIssue[]> {
  const refs = graph.nodes.flatMap((node) =>
    promptRefs(node.config).map((ref) => ({ ...ref, nodeId: node.id })),
  );
  if (refs.length === 0) return [];
  const ids = [...new Set(refs.map((ref) => ref.id))];
  const known = new Set(
    (
      await db
        .select({ id: voicePrompts.id })
        .from(voicePrompts)
        .where(and(eq(voicePrompts.workspaceId, workspaceId), inArray(voicePrompts.id, ids)))
    ).map((row) => row.id),
  );
  return refs
    .filter((ref) => !known.has(ref.id))
    .map((ref) => ({
      code: 'VOICE_PROMPT_UNKNOWN' as const,
      severity: 'error' as const,
      nodeId: ref.nodeId,
      path: ref.path,
      message: `Node ${ref.nodeId} plays a recorded audio that is not in this workspace (deleted or from another workspace); choose another audio`,
      params: { field: String(ref.path[0] ?? '') },
    }));
}

/** A validation result with the workspace's missing prompts added to its errors. */
export async function withVoicePromptIssues<T extends { ok: boolean; errors: ValidationIssue[] }>(
  db: Db,
  workspaceId: string,
  graph: FlowDocument,
  result: T,
): Promise<T> {
  const missing = await unknownVoicePromptIssues(db, workspaceId, graph);
  return missing.length === 0 ? result : { ...result, ok: false, errors: [...result.errors, ...missing] };
}
