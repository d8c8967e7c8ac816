import { translate, useLocale } from '../../i18n/use-i18n.ts';
import { useFlowStore } from './flow-store.ts';

/** Deletes the selection, asking first when it holds the start node (the flow never runs without it). */
export function removeSelectionAsking(): void {
  const { doc, selectedNodes, removeSelected } = useFlowStore.getState();
  const trigger = doc?.trigger?.node;
  if (trigger && selectedNodes.includes(trigger)) {
    if (!confirm(translate(useLocale.getState().locale, 'guard.confirmDeleteTrigger'))) return;
  }
  removeSelected();
}
