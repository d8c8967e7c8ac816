import type { InflightCounts } from '../../api/types.ts';
import type { NodeBadges } from '../canvas/types.ts';

export interface InflightView {
  /** Runs at each node of the document shown. */
  badges: NodeBadges;
  /** Runs at nodes the document shown does not have (removed from the draft since). */
  elsewhere: number;
  total: number;
}

const none: InflightView = { badges: {}, elsewhere: 0, total: 0 };

/**
 * What the canvas shows of the runs in flight: on the draft, every version's runs by node; on a
 * version opened read-only, that version's runs only. Runs waiting at a node the document no
 * longer has get no badge but are counted, so the total still adds up.
 */
export function inflightBadges(
  inflight: InflightCounts | undefined,
  viewingVersion: number | null,
  nodeIds: readonly string[],
): InflightView {
  if (!inflight) return none;
  const byNode =
    viewingVersion === null
      ? inflight.byNode
      : (inflight.byVersion.find((v) => v.version === viewingVersion)?.byNode ?? {});
  const present = new Set(nodeIds);
  const badges: Record<string, number> = {};
  let elsewhere = 0;
  let total = 0;
  for (const [nodeId, count] of Object.entries(byNode)) {
    if (count <= 0) continue;
    total += count;
    if (present.has(nodeId)) badges[nodeId] = count;
    else elsewhere += count;
  }
  return { badges, elsewhere, total };
}
