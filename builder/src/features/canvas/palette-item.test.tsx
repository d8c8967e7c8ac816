// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useLocale } from '../../i18n/use-i18n.ts';
import { CategoryIcon } from './category-icon.tsx';
import { PaletteItem } from './palette-item.tsx';
import { entryOf, testCatalog } from './test-catalog.ts';

beforeEach(() => useLocale.getState().setLocale('es'));
afterEach(cleanup);

describe('palette items and node icons', () => {
  it('shows the node’s description on hover', () => {
    render(<PaletteItem entry={entryOf('voice.menu')} onAdd={() => {}} />);
    const item = screen.getByRole('button', { name: /Menú de teclas/ });
    expect(item.getAttribute('title')).toBe(entryOf('voice.menu').description.es);
  });

  it.each(testCatalog.map((e) => [e.type, e] as const))('%s has a drawn icon of its own', (_t, entry) => {
    const { container } = render(<CategoryIcon icon={entry.icon} category={entry.category} />);
    const badge = container.querySelector('span')!;
    expect(badge.getAttribute('data-icon')).toBe(entry.icon);
    expect(badge.style.backgroundImage).toContain('data:image/svg+xml');
    expect(badge.textContent).toBe('');
  });

  it('falls back to the category’s initial for an icon it does not have', () => {
    const { container } = render(<CategoryIcon icon="no-such-icon" category="voice" />);
    const badge = container.querySelector('span')!;
    expect(badge.getAttribute('data-icon')).toBeNull();
    expect(badge.textContent).toBe('V');
  });
});
