import { useCallback } from 'react';
import { client, ok } from '../../api/client.ts';
import { usePoll } from '../../api/use-poll.ts';
import { periodRange, type PeriodChoice } from './analytics-period.ts';

/** How often the open analytics are read again: runs keep finishing while a person looks. */
const everyMs = 10_000;

/** A flow's analytics for a version ('all' for every one) and period, or null to read nothing. */
export function useFlowAnalytics(flowId: string, version: number | 'all' | null, period: PeriodChoice) {
  const { preset, fromDate, toDate } = period;
  const load = useCallback(async () => {
    const range = periodRange({ preset, fromDate, toDate }, new Date());
    if (!range) throw new Error('period');
    return ok(
      client.GET('/flows/{id}/analytics', {
        params: { path: { id: flowId }, query: { version: String(version), ...range } },
      }),
    );
  }, [flowId, version, preset, fromDate, toDate]);
  return usePoll(version === null ? null : load, everyMs);
}
