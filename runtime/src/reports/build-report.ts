import { sql } from 'drizzle-orm';
import type { ReportDocument } from './report-document.ts';
import type { ReportContext, ReportDefinition, ReportDeps } from './report-registry.ts';

/**
 * Builds a report in one read-only transaction tuned for it: its queries see one snapshot (the
 * tables agree with each other), JIT compilation is off (it cost more than it saved on these
 * queries, 370 ms of 2.6 s in the benchmark) and a larger work_mem lets a period's groups be
 * hashed in memory instead of sorted on disk.
 */
export async function buildReport(
  deps: ReportDeps,
  report: ReportDefinition,
  context: ReportContext,
): Promise<ReportDocument> {
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`set transaction read only`);
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    return report.build({ ...deps, db: tx }, context);
  });
}
