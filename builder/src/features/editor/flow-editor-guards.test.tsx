// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FlowDocument, ValidationIssue } from '../../api/types.ts';
import { apiError, type stubApi } from '../../api/test-api.ts';
import { useFlowStore } from '../canvas/flow-store.ts';
import { openEditor as open, setUpEditorTests, settle, stubEditor as stubDraft } from './test-editor.tsx';

const ivr: FlowDocument = {
  schemaVersion: 1,
  name: 'Centralita',
  description: '',
  trigger: { node: 'call' },
  nodes: [
    {
      id: 'call',
      type: 'voice.inbound-call',
      version: 1,
      config: { numbers: ['100'] },
      position: { x: 0, y: 0 },
    },
    {
      id: 'menu',
      type: 'voice.menu',
      version: 1,
      label: 'Menú principal',
      config: { prompt: 'Pulse 1', options: [{ digit: '1', id: 'ventas' }] },
      position: { x: 300, y: 0 },
    },
    { id: 'sales', type: 'voice.say', version: 1, config: { text: 'Ventas' }, position: { x: 600, y: 0 } },
  ],
  edges: [
    { id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'menu' } },
    { id: 'e2', from: { node: 'menu', port: 'ventas' }, to: { node: 'sales' } },
  ],
  variables: [],
};

const unwiredTimeout: ValidationIssue = {
  code: 'OUTCOME_PORT_UNWIRED',
  severity: 'warning',
  nodeId: 'menu',
  message: '"menu" has nothing connected to its "timeout" port',
  params: {
    node: 'Menú principal',
    nodeEs: 'Menú principal',
    port: 'timeout',
    portEs: 'tiempo agotado',
    portId: 'timeout',
    fix: 'hangup',
  },
};

function stubEditor(extra: Parameters<typeof stubApi>[0] = {}, warnings: ValidationIssue[] = []) {
  return stubDraft(ivr, { 'POST /flows/f1/validate': () => ({ errors: [], warnings }), ...extra });
}

setUpEditorTests('es');

describe('the problems panel fix', () => {
  it('ends the call at an unwired timeout in one click, and offers no fix for a problem without one', async () => {
    const api = stubEditor({}, [
      unwiredTimeout,
      {
        code: 'TRIGGER_LEADS_NOWHERE',
        severity: 'warning',
        nodeId: 'call',
        message: 'x',
        params: { node: 'a', nodeEs: 'a' },
      },
    ]);
    await open();
    const panel = screen.getByRole('region', { name: /Problemas/ });
    expect(within(panel).getByText(/«Menú principal»: no hay nada después de «tiempo agotado»/)).toBeTruthy();
    expect(within(panel).getAllByTestId('problem-fix')).toHaveLength(1);

    fireEvent.click(within(panel).getByRole('button', { name: 'Terminar la llamada aquí' }));
    const doc = useFlowStore.getState().doc!;
    const hangup = doc.nodes.find((n) => n.type === 'voice.hangup');
    expect(hangup).toBeDefined();
    expect(doc.edges).toContainEqual(
      expect.objectContaining({ from: { node: 'menu', port: 'timeout' }, to: { node: hangup!.id } }),
    );
    expect(within(panel).queryByRole('button', { name: 'Terminar la llamada aquí' })).toBeNull();
    // The fix is an edit like any other: it saves.
    await settle(800);
    expect(api.callsTo('PUT /flows/f1')).toHaveLength(1);
  });
});

describe('a save that fails is never silent', () => {
  it('says a 380-character name is not saved and why, before any save is tried, and blocks publishing', async () => {
    const api = stubEditor();
    await open();
    fireEvent.change(screen.getByRole('textbox', { name: 'Nombre del flujo' }), {
      target: { value: 'x'.repeat(380) },
    });
    await settle(800);
    const header = screen.getByTestId('save-state');
    expect(header.getAttribute('role')).toBe('alert');
    expect(header.textContent).toBe(
      'No guardado: El campo nombre del flujo tiene 380 caracteres; se pueden guardar como mucho 200. Acórtalo: hasta entonces no se guarda nada.',
    );
    expect(api.callsTo('PUT /flows/f1')).toHaveLength(0);
    expect(screen.getAllByTestId('problem')[0]!.textContent).toContain('380 caracteres');
    expect((screen.getByRole('button', { name: 'Publicar' }) as HTMLButtonElement).disabled).toBe(true);

    // Shortened, it saves and the alert goes.
    fireEvent.change(screen.getByRole('textbox', { name: 'Nombre del flujo' }), {
      target: { value: 'Corto' },
    });
    await settle(800);
    expect(api.callsTo('PUT /flows/f1')).toHaveLength(1);
    expect(screen.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
  });

  it('shows the server’s reason when it refuses the save', async () => {
    stubEditor({ 'PUT /flows/f1': () => apiError(400, 'VALIDATION_FAILED', 'nodes.0.id: bad id') });
    await open();
    fireEvent.change(screen.getByRole('textbox', { name: 'Nombre del flujo' }), {
      target: { value: 'Otro' },
    });
    await settle(800);
    expect(screen.getByRole('alert').textContent).toBe('No guardado: nodes.0.id: bad id');
  });

  it('asks before leaving while changes are unsaved, by closing the tab or by an in-app link', async () => {
    stubEditor({ 'PUT /flows/f1': () => apiError(503, 'UNAVAILABLE', 'down') });
    await open();
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);
    fireEvent.change(screen.getByRole('textbox', { name: 'Nombre del flujo' }), {
      target: { value: 'Otro' },
    });
    await settle(800);
    expect(leave()).toBe(true);

    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    const back = screen.getByRole('link', { name: /Volver/ });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    back.dispatchEvent(click);
    expect(confirm).toHaveBeenCalledWith('Hay cambios sin guardar. ¿Salir de todos modos y perderlos?');
    expect(click.defaultPrevented).toBe(true);
  });
});

describe('publishing while the draft is being saved', () => {
  const rename = (value: string) =>
    fireEvent.change(screen.getByRole('textbox', { name: 'Nombre del flujo' }), { target: { value } });

  it('waits for the save, saying so, then opens the dialog', async () => {
    // The server takes two seconds to store the draft.
    const api = stubEditor({
      'PUT /flows/f1': ({ body }) =>
        new Promise((resolve) => setTimeout(() => resolve({ id: 'f1', draft: body }), 2000)),
    });
    await open();
    rename('Centralita nueva');
    fireEvent.click(screen.getByRole('button', { name: 'Publicar' }));
    const waiting = screen.getByRole('button', { name: 'Guardando para publicar…' }) as HTMLButtonElement;
    expect(waiting.disabled).toBe(true);
    expect(waiting.getAttribute('aria-busy')).toBe('true');
    expect(screen.queryByRole('dialog')).toBeNull();

    await settle(800);
    expect(api.callsTo('PUT /flows/f1')).toHaveLength(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    await settle(2000);
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Guardando para publicar…' })).toBeNull();
    expect(api.callsTo('POST /flows/f1/publish')).toHaveLength(0);
  });

  it('opens at once when nothing is left to save', async () => {
    stubEditor();
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Publicar' }));
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('does not open when the save fails, and says why', async () => {
    const api = stubEditor({
      'PUT /flows/f1': () => apiError(503, 'UNAVAILABLE', 'La base de datos no responde'),
    });
    await open();
    rename('Otro nombre');
    fireEvent.click(screen.getByRole('button', { name: 'Publicar' }));
    await settle(800);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe(
      'No se ha publicado: el borrador no se pudo guardar (La base de datos no responde). Publica cuando esté guardado.',
    );
    // Asked again while the draft is still not saved, it says so again rather than opening.
    const publish = screen.getByRole('button', { name: 'Publicar' }) as HTMLButtonElement;
    expect(publish.disabled).toBe(false);
    fireEvent.click(publish);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.callsTo('POST /flows/f1/publish')).toHaveLength(0);
  });
});

describe('publishing a flow whose trigger another flow claims', () => {
  it('lists the conflict naming the other flow', async () => {
    const claimed: ValidationIssue = {
      code: 'TRIGGER_CLAIMED',
      severity: 'error',
      nodeId: 'call',
      message: 'The published flow "Recepción" already answers the number 100',
      params: { flow: 'Recepción', claim: 'the number 100', claimEs: 'el número 100' },
    };
    stubEditor({
      'POST /flows/f1/publish': () =>
        new Response(
          JSON.stringify({
            error: {
              code: 'TRIGGER_CLAIMED',
              message: claimed.message,
              details: { errors: [claimed], warnings: [] },
            },
          }),
          { status: 409 },
        ),
    });
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Publicar' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Publicar' }));
    await settle();
    expect(screen.getByText(/El flujo publicado «Recepción» ya atiende el número 100/)).toBeTruthy();
    expect(screen.getByText('Corrige primero 1 problema(s)')).toBeTruthy();
  });
});
