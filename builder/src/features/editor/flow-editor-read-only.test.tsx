// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Permission } from '../../api/types.ts';
import { useFlowStore } from '../canvas/flow-store.ts';
import { orderGraph } from '../runs/test-runs.ts';
import { PermissionsProvider } from '../roles/permissions.tsx';
import { FlowEditorPage } from './flow-editor-page.tsx';
import { setUpEditorTests, settle, stubEditor } from './test-editor.tsx';

async function openAs(role: string, permissions: Permission[]) {
  render(
    <PermissionsProvider permissions={permissions} role={role}>
      <div style={{ width: 1400, height: 900 }}>
        <FlowEditorPage flowId="f1" />
      </div>
    </PermissionsProvider>,
  );
  await settle();
}

const firstNode = () => orderGraph.nodes[0]!.id;

setUpEditorTests('es');

describe('the editor of a role without flows:edit', () => {
  it('shows the flow read-only, says why in Spanish, and never saves what is attempted', async () => {
    const api = stubEditor(orderGraph, {
      'GET /flows/f1/versions': () => ({
        items: [{ version: 2, notes: '', publishedAt: '2025-01-01T00:00:00Z' }],
      }),
    });
    await openAs('viewer', ['flows:read', 'runs:read']);

    expect(screen.getByRole('note').textContent).toBe(
      'Puedes ver este flujo pero no cambiarlo (tu rol: lector).',
    );
    expect((screen.getByRole('textbox', { name: 'Nombre del flujo' }) as HTMLInputElement).readOnly).toBe(
      true,
    );
    expect(
      within(screen.getByRole('complementary', { name: 'Nodos' })).queryAllByRole('button'),
    ).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Publicar' })).toBeNull();
    expect(screen.queryByRole('tab', { name: 'Ejecución de prueba' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Restaurar como borrador' })).toBeNull();

    useFlowStore.getState().select([firstNode()], []);
    await settle();
    const inspector = screen.getByTestId('inspector-panel');
    const fields = within(inspector).getAllByRole('textbox') as HTMLInputElement[];
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.every((f) => f.disabled || f.readOnly)).toBe(true);
    // Not the published-version note: the page banner already says why.
    expect(within(inspector).queryByRole('note')).toBeNull();

    // Whatever gets through (a keyboard shortcut, a store call) is never sent to the server.
    fireEvent.change(screen.getByRole('textbox', { name: 'Nombre del flujo' }), {
      target: { value: 'Otro' },
    });
    useFlowStore.getState().rename('Cambiado');
    useFlowStore.getState().updateLabel(firstNode(), 'Cambiado');
    await settle(5000);
    expect(api.callsTo('PUT /flows/f1')).toHaveLength(0);
    expect(api.callsTo('POST /flows/f1/validate')).toHaveLength(0);
  });

  it('lets a designer edit and save, with the test run offered, and no banner', async () => {
    const api = stubEditor(orderGraph);
    await openAs('designer', ['flows:read', 'flows:edit', 'flows:publish', 'sandbox:use']);

    expect(screen.queryByText(/no cambiarlo/)).toBeNull();
    expect(screen.getByRole('tab', { name: 'Ejecución de prueba' })).toBeTruthy();
    expect(
      within(screen.getByRole('complementary', { name: 'Nodos' })).queryAllByRole('button').length,
    ).toBeGreaterThan(0);
    fireEvent.change(screen.getByRole('textbox', { name: 'Nombre del flujo' }), {
      target: { value: 'Pedidos 2' },
    });
    await settle(1000);
    const saves = api.callsTo('PUT /flows/f1');
    expect(saves).toHaveLength(1);
    expect((saves[0]!.body as { name: string }).name).toBe('Pedidos 2');
  });

  it('hides the test run from a role that may edit but not use the sandbox', async () => {
    stubEditor(orderGraph);
    await openAs('designer', ['flows:read', 'flows:edit']);
    expect(screen.queryByRole('tab', { name: 'Ejecución de prueba' })).toBeNull();
    expect(screen.getByRole('tab', { name: 'Inspector' })).toBeTruthy();
  });
});
