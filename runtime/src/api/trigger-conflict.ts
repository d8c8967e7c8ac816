import { and, eq, isNotNull, ne } from 'drizzle-orm';
import { flowVersions, flows, type Db } from '@omniflow/db';
import { flowDocumentSchema, type FlowDocument } from '../graph/flow-schema.ts';
import { sharedClaim, triggerClaims } from '../graph/trigger-claims.ts';
import type { ValidationIssue } from '../graph/validation-issue.ts';
import { ApiError } from './api-error.ts';

/**
 * The problem when another published flow of the workspace already claims what this graph's
 * trigger would (the same number, keyword or address), naming that flow; undefined when none does.
 */
export async function triggerConflict(
  db: Db,
  workspaceId: string,
  flowId: string,
  graph: FlowDocument,
): Promise<ValidationIssue | undefined> {
  const mine = triggerClaims(graph);
  if (mine.length === 0) return undefined;
  const published = await db
    .select({ name: flows.name, graph: flowVersions.graph })
    .from(flows)
    .innerJoin(
      flowVersions,
      and(eq(flowVersions.flowId, flows.id), eq(flowVersions.version, flows.latestVersion)),
    )
    .where(
      and(
        eq(flows.workspaceId, workspaceId),
        ne(flows.id, flowId),
        isNotNull(flows.latestVersion),
        eq(flowVersions.kind, 'published'),
      ),
    );
  for (const other of published) {
    const parsed = flowDocumentSchema.safeParse(other.graph);
    const claim = parsed.success ? sharedClaim(mine, triggerClaims(parsed.data)) : undefined;
    if (!claim) continue;
    return {
      code: 'TRIGGER_CLAIMED',
      severity: 'error',
      nodeId: claim.nodeId,
      message: `The published flow "${other.name}" already answers ${claim.en}; change this trigger, or change or delete that flow first`,
      params: { flow: other.name, claim: claim.en, claimEs: claim.es },
    };
  }
  return undefined;
}

/** 409 TRIGGER_CLAIMED with the problem in `details.errors`, shaped like a 422 FLOW_INVALID. */
export async function refuseClaimedTrigger(
  db: Db,
  workspaceId: string,
  flowId: string,
  graph: FlowDocument,
): Promise<void> {
  const problem = await triggerConflict(db, workspaceId, flowId, graph);
  if (problem)
    throw new ApiError(409, 'TRIGGER_CLAIMED', problem.message, { errors: [problem], warnings: [] });
}
