import type { Db } from '@omniflow/db';
import type { ReportDocument, ReportLanguage } from './report-document.ts';

/** The filters every report accepts; a report ignores the ones that mean nothing to it. */
export interface ReportFilters {
  /** ISO-8601 instants, `from` inclusive, `to` exclusive. */
  from: string;
  to: string;
  bucket: 'minute' | 'hour' | 'day' | 'week' | 'month';
  /** IANA timezone buckets are cut in; defaults to the workspace's. */
  timezone: string;
  channel?: string;
  flowId?: string;
  flowVersion?: number;
  queue?: string;
  campaignId?: string;
  agentId?: string;
}

export interface ReportContext {
  workspaceId: string;
  language: ReportLanguage;
  filters: ReportFilters;
}

export interface ReportDeps {
  db: Db;
}

/** A report computes its document from the database: one per file, listed in `all-reports.ts`. */
export interface ReportDefinition {
  /** kebab-case, the `{name}` of `GET /api/v1/reports/{name}`. */
  name: string;
  /** What the list of reports and the page's picker call it (optional so views of other parts plug in as they are). */
  title: { en: string; es: string };
  /** One sentence on what it counts, for the picker. */
  description: { en: string; es: string };
  /** The filters the page offers for it (the period and bucket always). */
  filters?: ('channel' | 'flow' | 'campaign' | 'queue' | 'agent')[];
  build(deps: ReportDeps, context: ReportContext): Promise<ReportDocument>;
}
