import type { FinalConnectionState, InternalNode } from '@xyflow/react';
import type { FlowDocument } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { connectionProblem } from './connection-rules.ts';

/**
 * Why a connection the designer just dropped on a node was refused, as a catalog key to tell
 * them; null when it was drawn, dropped on empty canvas, or refused for a reason with no sentence.
 */
export function refusedConnectionNotice(
  doc: FlowDocument | null,
  state: Pick<FinalConnectionState<InternalNode>, 'isValid' | 'fromNode' | 'fromHandle' | 'toNode'>,
): MessageKey | null {
  if (!doc || state.isValid || !state.fromNode || !state.toNode) return null;
  const problem = connectionProblem(doc, {
    source: state.fromNode.id,
    sourceHandle: state.fromHandle?.id ?? null,
    target: state.toNode.id,
  });
  if (problem === 'self-loop' || problem === 'into-trigger' || problem === 'port-taken')
    return `guard.refused.${problem}`;
  return null;
}
