import { Fragment, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import { canvasShortcuts } from './canvas-shortcuts.ts';
import { KeyCombo } from './key-combo.tsx';

/**
 * The list of canvas shortcuts as a modal dialog, open while mounted; Esc or the close button
 * call `onClose`, and focus returns to where it was.
 */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  // Read while rendering, before autoFocus moves focus into the dialog: focus goes back there
  // (the canvas or the toolbar button) when the dialog closes.
  const [returnTo] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
    }
    return () => returnTo?.focus();
  }, [returnTo]);

  function closeOnEscape(event: KeyboardEvent<HTMLDialogElement>) {
    // Browsers close a modal <dialog> on Esc by themselves; handling it here as well keeps the
    // behaviour where `showModal` is missing, and stops the key reaching the canvas shortcuts.
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      aria-modal="true"
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={closeOnEscape}
      className="m-auto max-w-xl rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="flex items-center justify-between gap-4 border-b border-slate-200 px-5 py-3">
        <h2 id={titleId} className="text-lg font-semibold">
          {t('canvas.shortcuts.title')}
        </h2>
        <button
          type="button"
          autoFocus
          onClick={onClose}
          className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50"
        >
          {t('canvas.shortcuts.close')}
        </button>
      </div>
      <table className="m-5 text-sm">
        <thead className="sr-only">
          <tr>
            <th scope="col">{t('canvas.shortcuts.keys')}</th>
            <th scope="col">{t('canvas.shortcuts.action')}</th>
          </tr>
        </thead>
        <tbody>
          {canvasShortcuts.map((shortcut) => (
            <tr key={shortcut.action} className="align-top">
              <td className="py-1 pr-6 whitespace-nowrap">
                {shortcut.combos.map((combo, i) => (
                  <Fragment key={i}>
                    {i > 0 && <span className="mx-1 text-slate-500">{t('canvas.shortcuts.or')}</span>}
                    <KeyCombo caps={combo} />
                  </Fragment>
                ))}
              </td>
              <td className="py-1">{t(shortcut.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </dialog>
  );
}
