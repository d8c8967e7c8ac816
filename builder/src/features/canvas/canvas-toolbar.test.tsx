// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLocale } from '../../i18n/use-i18n.ts';
import { CanvasToolbar } from './canvas-toolbar.tsx';
import { useFlowStore } from './flow-store.ts';
import { entryOf } from './test-catalog.ts';

const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });

beforeEach(() => {
  useLocale.getState().setLocale('en');
  useFlowStore
    .getState()
    .load({ schemaVersion: 1, name: 'T', description: '', nodes: [], edges: [], variables: [] });
});
afterEach(cleanup);

describe('CanvasToolbar', () => {
  it('enables undo, redo, arrange and fit only when they would do something', () => {
    render(<CanvasToolbar onFitView={() => {}} onAutoLayout={() => {}} onShowShortcuts={() => {}} />);
    expect(button('Undo').disabled).toBe(true);
    expect(button('Arrange').disabled).toBe(true);
    expect(button('Fit').disabled).toBe(true);
    act(() => void useFlowStore.getState().addNode(entryOf('logic.set'), { x: 0, y: 0 }));
    expect(button('Undo').disabled).toBe(false);
    expect(button('Redo').disabled).toBe(true);
    fireEvent.click(button('Undo'));
    expect(useFlowStore.getState().doc?.nodes).toEqual([]);
    expect(button('Redo').disabled).toBe(false);
  });

  it('names each shortcut in the tooltip and aria-keyshortcuts', () => {
    const onShowShortcuts = vi.fn();
    render(<CanvasToolbar onFitView={() => {}} onAutoLayout={() => {}} onShowShortcuts={onShowShortcuts} />);
    expect(button('Undo').title).toBe('Undo (Ctrl/⌘+Z)');
    expect(button('Arrange').getAttribute('aria-keyshortcuts')).toBe('Shift+L');
    fireEvent.click(button('Shortcuts'));
    expect(onShowShortcuts).toHaveBeenCalled();
  });

  it('disables editing in a read-only canvas', () => {
    act(() => void useFlowStore.getState().addNode(entryOf('logic.set'), { x: 0, y: 0 }));
    render(
      <CanvasToolbar readOnly onFitView={() => {}} onAutoLayout={() => {}} onShowShortcuts={() => {}} />,
    );
    expect(button('Undo').disabled).toBe(true);
    expect(button('Arrange').disabled).toBe(true);
    expect(button('Fit').disabled).toBe(false);
  });
});
