import type { MessageKey } from '../../i18n/catalog.ts';

/** A key cap: a word from the catalog (Shift → Mayús) or a character shown as is. */
export type KeyCap = { word: MessageKey } | { char: string };

export interface ShortcutDescription {
  /** Alternative key combinations, each a sequence of caps pressed together. */
  combos: KeyCap[][];
  action: MessageKey;
  /** `aria-keyshortcuts` value for a control that does the same. */
  aria?: string;
}

const mod: KeyCap = { word: 'canvas.key.mod' };
const shift: KeyCap = { word: 'canvas.key.shift' };
const char = (c: string): KeyCap => ({ char: c });

/** Every canvas shortcut, as the help dialog lists them (use-canvas-shortcuts.ts binds them). */
export const canvasShortcuts: readonly ShortcutDescription[] = [
  {
    combos: [[{ word: 'canvas.key.delete' }], [{ word: 'canvas.key.backspace' }]],
    action: 'canvas.action.delete',
    aria: 'Delete Backspace',
  },
  { combos: [[mod, char('Z')]], action: 'canvas.action.undo', aria: 'Control+Z Meta+Z' },
  {
    combos: [
      [mod, shift, char('Z')],
      [{ word: 'canvas.key.ctrl' }, char('Y')],
    ],
    action: 'canvas.action.redo',
    aria: 'Control+Shift+Z Meta+Shift+Z Control+Y',
  },
  { combos: [[mod, char('C')]], action: 'canvas.action.copy', aria: 'Control+C Meta+C' },
  { combos: [[mod, char('V')]], action: 'canvas.action.paste', aria: 'Control+V Meta+V' },
  { combos: [[mod, char('A')]], action: 'canvas.action.selectAll', aria: 'Control+A Meta+A' },
  { combos: [[{ word: 'canvas.key.escape' }]], action: 'canvas.action.deselect', aria: 'Escape' },
  { combos: [[mod, { word: 'canvas.key.click' }]], action: 'canvas.action.multiSelect' },
  { combos: [[shift, { word: 'canvas.key.drag' }]], action: 'canvas.action.boxSelect' },
  { combos: [[{ word: 'canvas.key.arrows' }]], action: 'canvas.action.move' },
  { combos: [[shift, char('L')]], action: 'canvas.action.autoLayout', aria: 'Shift+L' },
  { combos: [[char('F')]], action: 'canvas.action.fitView', aria: 'F' },
  { combos: [[char('?')]], action: 'canvas.action.help', aria: 'Shift+?' },
];
