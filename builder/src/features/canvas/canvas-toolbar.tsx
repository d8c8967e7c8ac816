import { useT } from '../../i18n/use-i18n.ts';
import { useFlowStore } from './flow-store.ts';
import { ToolButton } from './tool-button.tsx';

export interface CanvasToolbarProps {
  readOnly?: boolean;
  onFitView: () => void;
  onAutoLayout: () => void;
  onShowShortcuts: () => void;
}

/** Undo, redo, arrange, fit and the shortcut list; disabled when they would do nothing. */
export function CanvasToolbar({
  readOnly = false,
  onFitView,
  onAutoLayout,
  onShowShortcuts,
}: CanvasToolbarProps) {
  const t = useT();
  const canUndo = useFlowStore((s) => s.past.length > 0);
  const canRedo = useFlowStore((s) => s.future.length > 0);
  const hasNodes = useFlowStore((s) => (s.doc?.nodes.length ?? 0) > 0);
  const layingOut = useFlowStore((s) => s.layingOut);

  return (
    <div
      role="group"
      aria-label={t('canvas.toolbar.label')}
      className="flex gap-1 rounded-md border border-slate-200 bg-white p-1 shadow-sm"
    >
      <ToolButton
        label="canvas.toolbar.undo"
        shortcut="canvas.action.undo"
        disabled={readOnly || !canUndo}
        onClick={() => useFlowStore.getState().undo()}
      />
      <ToolButton
        label="canvas.toolbar.redo"
        shortcut="canvas.action.redo"
        disabled={readOnly || !canRedo}
        onClick={() => useFlowStore.getState().redo()}
      />
      <ToolButton
        label={layingOut ? 'canvas.toolbar.arranging' : 'canvas.toolbar.autoLayout'}
        shortcut="canvas.action.autoLayout"
        disabled={readOnly || !hasNodes || layingOut}
        onClick={onAutoLayout}
      />
      <ToolButton
        label="canvas.toolbar.fitView"
        shortcut="canvas.action.fitView"
        disabled={!hasNodes}
        onClick={onFitView}
      />
      <ToolButton label="canvas.toolbar.shortcuts" shortcut="canvas.action.help" onClick={onShowShortcuts} />
    </div>
  );
}
