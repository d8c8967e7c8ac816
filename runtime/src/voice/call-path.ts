import type { CallDigits } from '@omniflow/db';
import type { PressedKey } from '@omniflow/nodes/drivers/voice';

export interface PathStep {
  seq: number;
  nodeId: string;
  enteredAt: Date;
}

/**
 * A call record's path (node ids in the order the call went through them) and the keys the
 * caller pressed, credited to the step that was running when each came; the keys of one step
 * make one string (`92`: a wrong key, then the right one, at the same menu).
 */
export function callPath(
  steps: readonly PathStep[],
  keys: readonly PressedKey[],
): { path: string[]; digits: CallDigits[] } {
  const ordered = [...steps].sort((a, b) => a.seq - b.seq);
  const digits: CallDigits[] = [];
  let lastSeq: number | undefined;
  for (const { key, at } of keys) {
    // Keys typed before the first step (while the call was being answered) belong to it.
    const step = ordered.findLast((s) => s.enteredAt.getTime() <= at.getTime()) ?? ordered[0];
    if (!step) break;
    const last = digits.at(-1);
    if (last && lastSeq === step.seq) last.digits += key;
    else digits.push({ nodeId: step.nodeId, digits: key, at: at.toISOString() });
    lastSeq = step.seq;
  }
  return { path: ordered.map((s) => s.nodeId), digits };
}
