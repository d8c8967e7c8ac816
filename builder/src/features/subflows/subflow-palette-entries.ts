import type { CatalogEntry } from '../../api/types.ts';

/** A palette item that adds a node with some of its config already chosen (a subflow's flow). */
export type PaletteEntry = CatalogEntry & { preset?: Record<string, unknown> };

export interface ReusableFlow {
  id: string;
  name: string;
  reusable: boolean;
  latestVersion: number | null;
}

/**
 * The workspace's reusable subflows as palette items under their own names: each a `flow.call`
 * node already set to run that flow. Only published ones (a call to a draft cannot publish), and
 * never the flow being edited (a flow cannot call itself).
 */
export function subflowPaletteEntries(
  catalog: readonly CatalogEntry[],
  flows: readonly ReusableFlow[],
  editedFlowId: string,
): PaletteEntry[] {
  const call = catalog.find((entry) => entry.type === 'flow.call');
  if (!call) return [];
  return flows
    .filter((flow) => flow.reusable && flow.latestVersion !== null && flow.id !== editedFlowId)
    .map((flow) => ({
      ...call,
      title: { en: flow.name, es: flow.name },
      preset: { flowId: flow.id, flowName: flow.name },
    }));
}
