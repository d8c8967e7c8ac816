import { runStatuses, type RunFilter, type RunStatus } from '../../api/types.ts';

const isStatus = (value: string): value is RunStatus => (runStatuses as readonly string[]).includes(value);

function isoOrUndefined(value: string | null): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * The filter a runs screen shows, read from its hash query. Values that make no sense (an unknown
 * status, a version that is not a positive integer, a date that does not parse) are dropped rather
 * than sent, so a hand-edited URL still opens a list.
 */
export function filterFromQuery(query: URLSearchParams, flowId: string | null): RunFilter {
  const filter: RunFilter = {};
  if (flowId) filter.flowId = flowId;
  const status = (query.get('status') ?? '').split(',').filter(isStatus);
  if (status.length > 0) filter.status = runStatuses.filter((s) => status.includes(s));
  const version = Number(query.get('version'));
  // A version only narrows the runs of one flow.
  if (flowId && Number.isInteger(version) && version > 0) filter.version = version;
  const from = isoOrUndefined(query.get('from'));
  if (from) filter.from = from;
  const to = isoOrUndefined(query.get('to'));
  if (to) filter.to = to;
  const contact = query.get('contact')?.trim();
  if (contact) filter.contact = contact;
  const nodeId = query.get('node')?.trim();
  if (nodeId) filter.nodeId = nodeId;
  return filter;
}

function pairs(filter: RunFilter): [string, string][] {
  const entries: [string, string | undefined][] = [
    [
      'status',
      filter.status?.length ? runStatuses.filter((s) => filter.status?.includes(s)).join(',') : undefined,
    ],
    ['version', filter.version?.toString()],
    ['from', filter.from],
    ['to', filter.to],
    ['contact', filter.contact],
    ['node', filter.nodeId],
  ];
  return entries.filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '');
}

/** The hash route of a runs screen showing this filter (`/flows/<id>/runs?…` or `/runs?…`). */
export function runsRoute(filter: RunFilter): string {
  const query = new URLSearchParams(pairs(filter)).toString();
  const path = filter.flowId ? `/flows/${encodeURIComponent(filter.flowId)}/runs` : '/runs';
  return query ? `${path}?${query}` : path;
}

/** The same filter with one status added or removed. */
export function toggleStatus(filter: RunFilter, status: RunStatus): RunFilter {
  const current = filter.status ?? [];
  const next = current.includes(status) ? current.filter((s) => s !== status) : [...current, status];
  const result = withoutStatus(filter);
  if (next.length > 0) result.status = runStatuses.filter((s) => next.includes(s));
  return result;
}

/** The same filter for every status (what the per-status counts are counted over). */
export function withoutStatus(filter: RunFilter): RunFilter {
  const result = { ...filter };
  delete result.status;
  return result;
}

/** The same filter with one field set, or removed when the value is empty. */
export function withField<K extends Exclude<keyof RunFilter, 'status' | 'flowId'>>(
  filter: RunFilter,
  key: K,
  value: RunFilter[K] | undefined,
): RunFilter {
  const result = { ...filter };
  if (value === undefined || value === '') delete result[key];
  else result[key] = value;
  return result;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO timestamp as a `datetime-local` input shows it: the user's local time, to the minute. */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (local time, no zone) as an ISO timestamp; undefined when empty. */
export function fromLocalInput(value: string): string | undefined {
  // ECMA-262 Date Time String Format: a date-time without an offset is local time.
  return isoOrUndefined(value);
}
