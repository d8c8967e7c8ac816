import type { VoiceFilter } from '../../api/types.ts';

function isoOrUndefined(value: string | null): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The filter the calls or recordings screen shows, read from its hash query. Values the API would
 * refuse (a date that does not parse, a flow that is not an id) are dropped, so a hand-edited URL
 * still opens a list.
 */
export function voiceFilterFromQuery(query: URLSearchParams): VoiceFilter {
  const filter: VoiceFilter = {};
  const number = query.get('number')?.trim();
  if (number) filter.number = number;
  const from = isoOrUndefined(query.get('from'));
  if (from) filter.from = from;
  const to = isoOrUndefined(query.get('to'));
  if (to) filter.to = to;
  const flowId = query.get('flow')?.trim();
  if (flowId && uuid.test(flowId)) filter.flowId = flowId;
  return filter;
}

function pairs(filter: VoiceFilter): [string, string][] {
  const entries: [string, string | undefined][] = [
    ['number', filter.number],
    ['from', filter.from],
    ['to', filter.to],
    ['flow', filter.flowId],
  ];
  return entries.filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '');
}

/** The hash route of the calls or recordings screen showing this filter. */
export function voiceRoute(screen: 'calls' | 'recordings', filter: VoiceFilter): string {
  const query = new URLSearchParams(pairs(filter)).toString();
  return query ? `/${screen}?${query}` : `/${screen}`;
}
