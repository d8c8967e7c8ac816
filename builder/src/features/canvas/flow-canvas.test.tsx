// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlowDocument } from '../../api/types.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { FlowCanvas } from './flow-canvas.tsx';
import { useFlowStore } from './flow-store.ts';
import { testCatalog } from './test-catalog.ts';

const flow: FlowDocument = {
  schemaVersion: 1,
  name: 'Canvas',
  description: '',
  trigger: { node: 'start' },
  nodes: [
    { id: 'start', type: 'flow.start', version: 1, config: {}, position: { x: 0, y: 0 } },
    { id: 'set1', type: 'logic.set', version: 1, config: {}, position: { x: 300, y: 0 } },
  ],
  edges: [{ id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'set1' } }],
  variables: [],
};

const store = () => useFlowStore.getState();
const ids = () => store().doc!.nodes.map((n) => n.id);
const press = (key: string, init: KeyboardEventInit = {}, target: Element = document.body) =>
  act(() => void fireEvent.keyDown(target, { key, bubbles: true, ...init }));

function renderCanvas(props: Partial<Parameters<typeof FlowCanvas>[0]> = {}) {
  return render(
    <div style={{ width: 1000, height: 700 }}>
      <input aria-label="Elsewhere" />
      <FlowCanvas catalog={testCatalog} issues={[]} {...props} />
    </div>,
  );
}

beforeEach(() => {
  useLocale.getState().setLocale('en');
  store().load(structuredClone(flow));
});
afterEach(cleanup);

describe('FlowCanvas', () => {
  it('draws the store’s document with localized minimap, zoom controls and toolbar', () => {
    renderCanvas();
    expect(screen.getByRole('application', { name: 'Flow canvas' })).toBeTruthy();
    expect(screen.getByTestId('rf__node-set1').textContent).toContain('Set variables');
    expect(screen.getByRole('button', { name: 'Zoom to fit' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Canvas tools' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Undo' }).hasAttribute('disabled')).toBe(true);
  });

  it('deletes, undoes and redoes from the keyboard', () => {
    renderCanvas();
    act(() => store().select(['set1'], []));
    press('Delete');
    expect(ids()).toEqual(['start']);
    expect(screen.queryByTestId('rf__node-set1')).toBeNull();
    press('z', { ctrlKey: true });
    expect(ids()).toEqual(['start', 'set1']);
    press('z', { metaKey: true, shiftKey: true });
    expect(ids()).toEqual(['start']);
    press('z', { ctrlKey: true });
    press('y', { ctrlKey: true });
    expect(ids()).toEqual(['start']);
  });

  it('copies, pastes and selects all from the keyboard', () => {
    renderCanvas();
    act(() => store().select(['set1'], []));
    press('c', { ctrlKey: true });
    press('v', { ctrlKey: true });
    expect(ids()).toEqual(['start', 'set1', 'set2']);
    press('a', { metaKey: true });
    expect(store().selectedNodes).toEqual(['start', 'set1', 'set2']);
    press('Escape');
    expect(store().selectedNodes).toEqual([]);
  });

  it('leaves keys alone while the user types in a field', () => {
    renderCanvas();
    act(() => store().select(['set1'], []));
    press('Backspace', {}, screen.getByRole('textbox', { name: 'Elsewhere' }));
    press('z', { ctrlKey: true }, screen.getByRole('textbox', { name: 'Elsewhere' }));
    expect(ids()).toEqual(['start', 'set1']);
  });

  it('ignores editing keys when read-only', () => {
    renderCanvas({ readOnly: true });
    act(() => store().select(['set1'], []));
    press('Delete');
    expect(ids()).toEqual(['start', 'set1']);
  });

  it('opens the shortcut list with ? and closes it with Esc', () => {
    renderCanvas();
    press('?', { shiftKey: true });
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.textContent).toContain('Arrange the nodes automatically');
    press('Escape', {}, dialog);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('adds a node dropped from the palette, and says why a second start is refused', () => {
    const { container } = renderCanvas();
    const canvas = container.querySelector('.react-flow')!.parentElement!;
    const drop = (data: string) =>
      act(
        () =>
          void fireEvent.drop(canvas, {
            dataTransfer: { getData: () => data, types: ['application/x-omniflow-node'] },
            clientX: 100,
            clientY: 100,
          }),
      );
    drop('logic.wait@1');
    expect(ids()).toEqual(['start', 'set1', 'wait1']);
    drop('flow.start@1');
    expect(ids()).toHaveLength(3);
    expect(screen.getByRole('status').textContent).toBe(
      'This flow already has a start node; a flow has exactly one.',
    );
  });

  it('tells the page which single node is selected', () => {
    const onSelectNode = vi.fn();
    renderCanvas({ onSelectNode });
    act(() => store().select(['set1'], []));
    expect(onSelectNode).toHaveBeenLastCalledWith('set1');
    act(() => store().select(['set1', 'start'], []));
    expect(onSelectNode).toHaveBeenLastCalledWith(null);
  });
});
