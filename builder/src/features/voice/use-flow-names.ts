import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { FlowSummary } from '../../api/types.ts';

/** The workspace's flows, for the flow filter and to name the flow of a call or recording. */
export function useFlowNames(): { flows: FlowSummary[]; nameOf: (id: string | null) => string | null } {
  const [flows, setFlows] = useState<FlowSummary[]>([]);
  useEffect(() => {
    let stale = false;
    // Without the names the lists still work (ids stay links): a failure here is not worth a banner.
    ok(client.GET('/flows')).then(
      ({ items }) => !stale && setFlows(items),
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, []);
  const names = new Map(flows.map((f) => [f.id, f.name]));
  return { flows, nameOf: (id) => (id ? (names.get(id) ?? null) : null) };
}
