import type { SQL } from 'drizzle-orm';
import type { Db } from '@omniflow/db';
import { compileSegmentRules } from './compile-segment-rules.ts';
import { loadRuleContext } from './load-rule-context.ts';
import { segmentRulesSchema } from './segment-rules.ts';
import { SegmentRuleError } from './segment-rule-error.ts';

/**
 * A rule tree of a workspace as one condition on `contacts`, checked against the workspace as it
 * is now (a field deleted since the segment was saved makes it fail, rather than select everyone).
 */
export async function segmentCondition(
  db: Db,
  workspaceId: string,
  rules: unknown,
): Promise<SQL | undefined> {
  if (rules === null || rules === undefined) return undefined;
  const parsed = segmentRulesSchema.safeParse(rules);
  if (!parsed.success)
    throw new SegmentRuleError([], parsed.error.issues[0]?.message ?? 'the rules are malformed');
  return compileSegmentRules(parsed.data, await loadRuleContext(db, workspaceId, parsed.data));
}
