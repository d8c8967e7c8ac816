import { createContext } from 'react';

/**
 * Where a node's run-count badge leads (the runs waiting at that node), or null when badges are
 * not links. A context rather than node data: one function for every node, so nodes stay memoised.
 */
export const NodeBadgeLink = createContext<((nodeId: string) => string) | null>(null);
