import { z } from '@hono/zod-openapi';
import { eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { runStatuses, runs } from '@omniflow/db';
import { boundedDateTime, boundedQueryInt } from '../limits/bounded-fields.ts';

// Query strings say `status=failed,waiting`; JSON bodies say `"status": ["failed", "waiting"]`.
const statusList = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
  z.array(
    z.enum(runStatuses, {
      error: (issue) => `"${String(issue.input)}" is not a run status; use ${runStatuses.join(', ')}`,
    }),
  ),
);

/** Which runs a list, a count or a bulk action is about. Every field narrows; all are optional. */
export const runFilterSchema = z
  .object({
    flowId: z.uuid({ message: 'flowId must be a flow id' }).optional(),
    status: statusList.optional(),
    version: boundedQueryInt('version', 0).optional(),
    from: boundedDateTime('from').optional(),
    to: boundedDateTime('to').optional(),
    contact: z.string().trim().min(1).max(320).optional(),
    nodeId: z.string().min(1).max(200).optional(),
  })
  .refine((f) => !f.from || !f.to || Date.parse(f.from) < Date.parse(f.to), {
    message: 'from must be before to',
    path: ['from'],
  })
  .openapi('RunFilter');

export type RunFilter = z.infer<typeof runFilterSchema>;

/** A phone number or address as runs store it, so "+34 600…" and "+34600…" find the same runs. */
export function normalizeContact(contact: string): string {
  const trimmed = contact.trim().toLowerCase();
  return trimmed.includes('@') ? trimmed : trimmed.replace(/[\s().-]/g, '');
}

/**
 * The smallest uuid v7 of a moment: run ids are uuid v7, so a date range is an id range and
 * every filter rides an index that ends in id.
 */
export function uuidV7Floor(date: Date): string {
  const hex = date.getTime().toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}

/** SQL conditions of a filter, within one workspace. */
export function runFilterConditions(workspaceId: string, filter: RunFilter): SQL[] {
  const conditions: SQL[] = [eq(runs.workspaceId, workspaceId)];
  if (filter.flowId) conditions.push(eq(runs.flowId, filter.flowId));
  if (filter.status?.length) conditions.push(inArray(runs.status, filter.status));
  if (filter.version !== undefined) conditions.push(eq(runs.version, filter.version));
  if (filter.from) conditions.push(gte(runs.id, uuidV7Floor(new Date(filter.from))));
  if (filter.to) conditions.push(lt(runs.id, uuidV7Floor(new Date(filter.to))));
  if (filter.contact) conditions.push(eq(runs.contact, normalizeContact(filter.contact)));
  if (filter.nodeId) {
    conditions.push(
      or(
        eq(runs.failedNodeId, filter.nodeId),
        sql`${runs.currentNodes} @> ${JSON.stringify([filter.nodeId])}::jsonb`,
      )!,
    );
  }
  return conditions;
}

export const activeStatuses = ['running', 'waiting'] as const;
