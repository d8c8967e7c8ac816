/** What the filter bar holds; dates as the date inputs give them (yyyy-mm-dd, the reader's days). */
export interface AuditFilterState {
  from: string;
  to: string;
  actor: string;
  action: string;
  resourceType: string;
  resourceId: string;
  q: string;
}

export const emptyAuditFilter: AuditFilterState = {
  from: '',
  to: '',
  actor: '',
  action: '',
  resourceType: '',
  resourceId: '',
  q: '',
};

/** Midnight of a yyyy-mm-dd day where the reader is, as an ISO instant. */
function startOfDay(day: string): string | undefined {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return undefined;
  return new Date(y, m - 1, d).toISOString();
}

/**
 * The API's query for a filter: `to` takes the whole day it names (up to the next midnight), and
 * empty fields are left out. The list, the CSV and the Excel export all use it, so a download
 * holds what the table shows.
 */
export function auditQuery(filter: AuditFilterState): Record<string, string> {
  const query: Record<string, string> = {};
  const from = filter.from ? startOfDay(filter.from) : undefined;
  if (from) query.from = from;
  if (filter.to) {
    const end = startOfDay(filter.to);
    if (end) {
      const next = new Date(end);
      next.setDate(next.getDate() + 1);
      query.to = next.toISOString();
    }
  }
  for (const key of ['actor', 'action', 'resourceType', 'resourceId', 'q'] as const) {
    const value = filter[key].trim();
    if (value) query[key] = value;
  }
  return query;
}

/** The export link for a filter and a format. */
export function auditExportHref(filter: AuditFilterState, format: 'csv' | 'xlsx'): string {
  return `/api/v1/audit/export?${new URLSearchParams({ ...auditQuery(filter), format }).toString()}`;
}
