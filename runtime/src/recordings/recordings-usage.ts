import { eq, sql } from 'drizzle-orm';
import { recordings, workspaces, type Db } from '@omniflow/db';

/** Issue #6: warn from 80 % of the quota, before new recordings are refused at 100 %. */
export const quotaWarningPercent = 80;

export interface RecordingsUsage {
  bytes: number;
  quotaBytes: number;
  /** Of the quota, rounded to one decimal. */
  percent: number;
  /** At or past 80 %: time to delete old recordings or raise the quota. */
  warning: boolean;
  /** At or past 100 %: new recordings are refused. */
  full: boolean;
  count: number;
}

type Queryable = Pick<Db, 'select'>;

/** What a workspace's recordings take, against its quota. Counted in SQL: the rows are the truth. */
export async function recordingsUsage(db: Queryable, workspaceId: string): Promise<RecordingsUsage> {
  const [workspace] = await db
    .select({ quotaBytes: workspaces.recordingsQuotaBytes })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!workspace) throw new Error(`Workspace ${workspaceId} does not exist`);
  // sum() of a bigint is numeric, which drivers hand over as a string.
  const [stored] = await db
    .select({ bytes: sql<string>`coalesce(sum(${recordings.bytes}), 0)`, count: sql<string>`count(*)` })
    .from(recordings)
    .where(eq(recordings.workspaceId, workspaceId));
  const row = { quotaBytes: workspace.quotaBytes, bytes: stored?.bytes ?? 0, count: stored?.count ?? 0 };
  return usageOf(Number(row.bytes), row.quotaBytes, Number(row.count));
}

export function usageOf(bytes: number, quotaBytes: number, count: number): RecordingsUsage {
  const percent = quotaBytes > 0 ? Math.round((bytes / quotaBytes) * 1000) / 10 : 100;
  return {
    bytes,
    quotaBytes,
    percent,
    warning: bytes >= (quotaBytes * quotaWarningPercent) / 100,
    full: bytes >= quotaBytes,
    count,
  };
}
