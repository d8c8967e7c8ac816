// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLocale } from '../../i18n/use-i18n.ts';
import { canvasShortcuts } from './canvas-shortcuts.ts';
import { ShortcutsDialog } from './shortcuts-dialog.tsx';

afterEach(cleanup);

describe('ShortcutsDialog', () => {
  it('lists every shortcut in the current language, focusing its close button', () => {
    useLocale.getState().setLocale('es');
    render(<ShortcutsDialog onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Atajos de teclado' });
    expect(within(dialog).getAllByRole('row')).toHaveLength(canvasShortcuts.length + 1);
    expect(dialog.textContent).toContain('Deshacer');
    expect(dialog.textContent).toContain('Mayús');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cerrar' }));
  });

  it('closes with the button or Esc, returning focus', () => {
    useLocale.getState().setLocale('en');
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const onClose = vi.fn();
    const { unmount } = render(<ShortcutsDialog onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(2);
    unmount();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });
});
