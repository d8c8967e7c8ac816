// @vitest-environment happy-dom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { WorkspaceSwitcher } from './workspace-switcher.tsx';

useComponentTestHooks();

const home = {
  id: '0190b3c4-0000-7000-8000-000000000001',
  name: 'Ayuntamiento',
  role: 'admin',
  current: true,
};
const other = {
  id: '0190b3c4-0000-7000-8000-000000000002',
  name: 'Hospital',
  role: 'admin',
  current: false,
};

describe('WorkspaceSwitcher', () => {
  it('lists the person’s workspaces, switches the session to the one picked and starts the app again', async () => {
    const api = stubApi({
      'GET /workspaces': () => ({ workspaces: [home, other] }),
      [`POST /workspaces/${other.id}/switch`]: () => ({ ...other, current: true }),
    });
    const onSwitched = vi.fn();
    render(<WorkspaceSwitcher isAdmin={false} onSwitched={onSwitched} />);
    await settle();
    const select = screen.getByRole('combobox', { name: 'Workspace' }) as HTMLSelectElement;
    expect(select.value).toBe(home.id);
    expect([...select.options].map((o) => o.text)).toEqual(['Ayuntamiento', 'Hospital']);
    expect(screen.queryByRole('button', { name: 'New workspace' })).toBeNull();
    fireEvent.change(select, { target: { value: other.id } });
    await settle();
    expect(api.callsTo(`POST /workspaces/${other.id}/switch`)).toHaveLength(1);
    expect(onSwitched).toHaveBeenCalledOnce();
  });

  it('lets an admin create a workspace and go to it, in Spanish too', async () => {
    const made = {
      id: '0190b3c4-0000-7000-8000-000000000003',
      name: 'Sede Norte',
      role: 'admin',
      current: false,
    };
    const api = stubApi({
      'GET /workspaces': () => ({ workspaces: [home] }),
      'POST /workspaces': () => new Response(JSON.stringify(made), { status: 201 }),
      [`POST /workspaces/${made.id}/switch`]: () => ({ ...made, current: true }),
    });
    const onSwitched = vi.fn();
    act(() => useLocale.getState().setLocale('es'));
    render(<WorkspaceSwitcher isAdmin onSwitched={onSwitched} />);
    await settle();
    // One workspace: its name, not a list to pick from.
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.getByLabelText('Espacio de trabajo').textContent).toBe('Ayuntamiento');
    fireEvent.click(screen.getByRole('button', { name: 'Nuevo espacio de trabajo' }));
    const create = screen.getByRole('button', { name: 'Crear' }) as HTMLButtonElement;
    expect(create.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Nombre del nuevo espacio de trabajo'), {
      target: { value: 'Sede Norte' },
    });
    fireEvent.click(create);
    await settle();
    expect(api.callsTo('POST /workspaces')[0]!.body).toEqual({ name: 'Sede Norte' });
    expect(onSwitched).toHaveBeenCalledOnce();
  });

  it('says why a switch failed and stays where it was', async () => {
    stubApi({
      'GET /workspaces': () => ({ workspaces: [home, other] }),
      [`POST /workspaces/${other.id}/switch`]: () =>
        apiError(404, 'NOT_FOUND', 'You are not a member of a workspace with that id'),
    });
    const onSwitched = vi.fn();
    render(<WorkspaceSwitcher isAdmin={false} onSwitched={onSwitched} />);
    await settle();
    fireEvent.change(screen.getByRole('combobox', { name: 'Workspace' }), { target: { value: other.id } });
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('You are not a member');
    expect(onSwitched).not.toHaveBeenCalled();
  });
});
