import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FlowDocument } from '../../api/types.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { useFlowStore } from './flow-store.ts';
import { removeSelectionAsking } from './remove-selection.ts';

const node = (id: string, type: string) => ({ id, type, version: 1, config: {}, position: { x: 0, y: 0 } });
const doc: FlowDocument = {
  schemaVersion: 1,
  name: 'f',
  description: '',
  trigger: { node: 'start' },
  nodes: [node('start', 'flow.start'), node('end', 'flow.end')],
  edges: [],
  variables: [],
};

afterEach(() => vi.unstubAllGlobals());

describe('deleting the selection', () => {
  it('asks before deleting the start node, and keeps it when the designer says no', () => {
    useLocale.setState({ locale: 'en' });
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    useFlowStore.getState().load(doc);
    useFlowStore.getState().select(['start', 'end'], []);
    removeSelectionAsking();
    expect(confirm).toHaveBeenCalledWith(
      'This is the start node: without it the flow never runs. Delete it anyway?',
    );
    expect(useFlowStore.getState().doc!.nodes).toHaveLength(2);

    confirm.mockReturnValue(true);
    removeSelectionAsking();
    expect(useFlowStore.getState().doc!.nodes).toEqual([]);
  });

  it('deletes other nodes without asking', () => {
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    useFlowStore.getState().load(doc);
    useFlowStore.getState().select(['end'], []);
    removeSelectionAsking();
    expect(confirm).not.toHaveBeenCalled();
    expect(useFlowStore.getState().doc!.nodes.map((n) => n.id)).toEqual(['start']);
  });
});
