import { create } from 'zustand';
import type { FlowAnalytics } from '../../api/types.ts';

/** What the canvas draws in analytics mode: version A's figures, and B's when comparing. */
export interface AnalyticsOverlay {
  a: FlowAnalytics;
  b: FlowAnalytics | null;
}

interface AnalyticsState {
  overlay: AnalyticsOverlay | null;
  show(overlay: AnalyticsOverlay | null): void;
}

/**
 * The figures the canvas draws, set by the analytics panel and cleared when it closes. A store
 * rather than props: each node card reads its own figures, so the memoised nodes stay memoised.
 */
export const useAnalyticsStore = create<AnalyticsState>((set) => ({
  overlay: null,
  show: (overlay) => set({ overlay }),
}));
