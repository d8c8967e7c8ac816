import { useEffect, useRef, type RefObject } from 'react';
import { useFlowStore } from './flow-store.ts';
import { removeSelectionAsking } from './remove-selection.ts';

export interface ShortcutActions {
  fitView: () => void;
  autoLayout: () => void;
  showHelp: () => void;
}

/**
 * Binds the shortcuts of canvas-shortcuts.ts. They act only while the canvas (or nothing) has
 * focus, so Delete in the inspector or Ctrl+C in a text field keep their usual meaning; in a
 * read-only canvas only the non-editing ones work.
 */
export function useCanvasShortcuts(
  container: RefObject<HTMLElement | null>,
  readOnly: boolean,
  actions: ShortcutActions,
) {
  const latest = useRef({ readOnly, actions });
  latest.current = { readOnly, actions };

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || !appliesTo(event.target, container.current)) return;
      const handled = runShortcut(event, latest.current.readOnly, latest.current.actions);
      if (handled) event.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [container]);
}

function appliesTo(target: EventTarget | null, container: HTMLElement | null): boolean {
  if (!(target instanceof Element) || target === document.body || target === document.documentElement) {
    return true;
  }
  if (!container?.contains(target)) return false;
  if (target.closest('dialog, [role="dialog"]')) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return false;
  return !['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Runs the shortcut the event stands for; false when it stands for none. */
function runShortcut(event: KeyboardEvent, readOnly: boolean, actions: ShortcutActions): boolean {
  const store = useFlowStore.getState();
  const key = event.key.toLowerCase();
  const edit = (run: () => void) => {
    if (!readOnly) run();
    return true;
  };
  if ((event.ctrlKey || event.metaKey) && !event.altKey) {
    if (key === 'z') return edit(event.shiftKey ? store.redo : store.undo);
    if (key === 'y' && !event.shiftKey) return edit(store.redo);
    if (key === 'c' && !event.shiftKey) {
      // Text the user highlighted (a node's id, say) copies as text, not as nodes.
      if (window.getSelection()?.toString()) return false;
      store.copySelected();
      return true;
    }
    if (key === 'v' && !event.shiftKey) return edit(() => void store.paste());
    if (key === 'a' && !event.shiftKey) {
      store.selectAll();
      return true;
    }
    return false;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  if (event.key === 'Delete' || event.key === 'Backspace') return edit(removeSelectionAsking);
  if (event.key === 'Escape') {
    store.select([], []);
    return true;
  }
  if (key === 'l' && event.shiftKey) return edit(actions.autoLayout);
  if (key === 'f' && !event.shiftKey) {
    actions.fitView();
    return true;
  }
  if (event.key === '?') {
    actions.showHelp();
    return true;
  }
  return false;
}
