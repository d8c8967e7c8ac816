// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLocale } from '../../i18n/use-i18n.ts';
import { NodePalette } from './node-palette.tsx';
import { testCatalog } from './test-catalog.ts';

beforeEach(() => useLocale.getState().setLocale('en'));
afterEach(cleanup);

describe('NodePalette', () => {
  it('groups the nodes under localized category headings, with short descriptions', () => {
    render(<NodePalette catalog={testCatalog} onAdd={() => {}} />);
    const logic = screen.getByRole('region', { name: 'Logic' });
    expect(within(logic).getByRole('button', { name: 'Add node: Split' })).toBeTruthy();
    expect(within(logic).getByText(/first branch whose conditions match/)).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Flow' })).getAllByRole('button')).toHaveLength(3);

    act(() => useLocale.getState().setLocale('es'));
    expect(within(screen.getByRole('region', { name: 'Lógica' })).getByText('Bifurcación')).toBeTruthy();
  });

  it('filters by the search box in English', () => {
    render(<NodePalette catalog={testCatalog} onAdd={() => {}} />);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search nodes' }), { target: { value: 'http' } });
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('data-node-type'))).toEqual([
      'http.respond',
      'http.request',
      'http.webhook',
    ]);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'nothing like this' } });
    expect(screen.getByRole('status').textContent).toContain('nothing like this');
  });

  it('filters by the search box in Spanish, accents optional', () => {
    useLocale.getState().setLocale('es');
    render(<NodePalette catalog={testCatalog} onAdd={() => {}} />);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Buscar nodos' }), {
      target: { value: 'peticion' },
    });
    expect(screen.getByRole('button', { name: 'Añadir nodo: Petición HTTP' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Añadir nodo: Responder a la petición' })).toBeTruthy();
    expect(screen.getAllByRole('button')).toHaveLength(3);
  });

  it('adds the focused node with Enter, reachable with the keyboard', async () => {
    const onAdd = vi.fn();
    const user = userEvent.setup();
    render(<NodePalette catalog={testCatalog} onAdd={onAdd} />);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('searchbox'));
    await user.tab();
    await user.tab();
    expect(document.activeElement?.getAttribute('data-node-type')).toBe('flow.start');
    await user.keyboard('{Enter}');
    expect(onAdd).toHaveBeenCalledWith(expect.objectContaining({ type: 'flow.start', version: 1 }));
  });

  it('carries type@version when a node is dragged', () => {
    render(<NodePalette catalog={testCatalog} onAdd={() => {}} />);
    const setData = vi.fn();
    const button = screen.getByRole('button', { name: 'Add node: Set variables' });
    expect(button.getAttribute('draggable')).toBe('true');
    fireEvent.dragStart(button, { dataTransfer: { setData, effectAllowed: 'all' } });
    expect(setData).toHaveBeenCalledWith('application/x-omniflow-node', 'logic.set@1');
  });
});
