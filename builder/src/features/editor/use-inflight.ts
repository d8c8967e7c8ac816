import { useCallback } from 'react';
import { client, ok } from '../../api/client.ts';
import { usePoll } from '../../api/use-poll.ts';

/** How often the editor reads where the flow's runs are right now. */
const everyMs = 5000;

/** The flow's running and waiting runs by node and version, read again every 5 s. */
export function useInflight(flowId: string) {
  const load = useCallback(
    () => ok(client.GET('/flows/{id}/inflight', { params: { path: { id: flowId } } })),
    [flowId],
  );
  return usePoll(load, everyMs);
}
