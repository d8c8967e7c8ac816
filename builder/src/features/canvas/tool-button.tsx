import type { MessageKey } from '../../i18n/catalog.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { canvasShortcuts } from './canvas-shortcuts.ts';

export interface ToolButtonProps {
  label: MessageKey;
  /** The canvas-shortcuts.ts action this button also runs; its keys go in the tooltip. */
  shortcut: MessageKey;
  disabled?: boolean;
  onClick: () => void;
}

/** A toolbar button whose tooltip and `aria-keyshortcuts` name its keyboard shortcut. */
export function ToolButton({ label, shortcut, disabled = false, onClick }: ToolButtonProps) {
  const t = useT();
  const description = canvasShortcuts.find((s) => s.action === shortcut);
  const keys = (description?.combos[0] ?? [])
    .map((cap) => ('word' in cap ? t(cap.word) : cap.char))
    .join('+');
  const text = t(label);
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-keyshortcuts={description?.aria}
      title={keys ? t('canvas.toolbar.withKeys', { action: text, keys }) : text}
      className="rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40"
    >
      {text}
    </button>
  );
}
