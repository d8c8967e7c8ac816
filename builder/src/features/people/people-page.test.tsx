// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { PeoplePage } from './people-page.tsx';

useComponentTestHooks();

const me = {
  id: 'u-admin',
  email: 'admin@example.test',
  name: 'Ada Admin',
  role: 'admin',
  language: 'en',
  status: 'active',
  secondFactor: false,
  createdAt: '2026-01-01T00:00:00Z',
  lastSeenAt: '2026-12-07T09:00:00Z',
  sessions: 1,
};
const lucia = {
  ...me,
  id: 'u-lucia',
  email: 'lucia@example.test',
  name: 'Lucía',
  role: 'designer',
  secondFactor: true,
  lastSeenAt: null,
};
const people = (items = [me, lucia]) => ({
  items,
  invitations: [
    {
      id: 'i-1',
      email: 'marta@example.test',
      name: 'Marta',
      role: 'viewer',
      language: 'es',
      createdAt: '2026-12-07T09:00:00Z',
      expiresAt: '2026-12-14T09:00:00Z',
    },
  ],
  roles: ['admin', 'supervisor', 'coordinator', 'designer', 'agent', 'viewer'],
});

describe('PeoplePage', () => {
  it('invites with the least role by default and shows the link to hand over when no mail went', async () => {
    const api = stubApi({
      'GET /people': () => people(),
      'POST /people/invitations': ({ body }) => ({
        invitation: { ...(body as object), id: 'i-2', createdAt: '', expiresAt: '' },
        mailed: false,
        link: 'http://localhost/#/invitation/abc',
      }),
    });
    render(<PeoplePage meId="u-admin" />);
    await settle();
    const form = screen.getByRole('region', { name: 'Invite a person' });
    fireEvent.change(within(form).getByLabelText('Email'), { target: { value: 'pablo@example.test' } });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Pablo' } });
    expect((within(form).getByLabelText('Role') as HTMLSelectElement).value).toBe('viewer');
    fireEvent.click(within(form).getByRole('button', { name: 'Send invitation' }));
    await settle();
    expect(api.callsTo('POST /people/invitations')[0]!.body).toEqual({
      email: 'pablo@example.test',
      name: 'Pablo',
      language: 'es',
      role: 'viewer',
    });
    expect(screen.getByText(/give pablo@example.test this link yourself/)).toBeTruthy();
    expect(screen.getByText('http://localhost/#/invitation/abc')).toBeTruthy();
  });

  it('shows the server’s refusal of an invitation', async () => {
    stubApi({
      'GET /people': () => people(),
      'POST /people/invitations': () =>
        apiError(409, 'EMAIL_TAKEN', 'There is already a person with the email x'),
    });
    render(<PeoplePage meId="u-admin" />);
    await settle();
    const form = screen.getByRole('region', { name: 'Invite a person' });
    fireEvent.change(within(form).getByLabelText('Email'), { target: { value: 'x@example.test' } });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'X' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send invitation' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('There is already a person');
  });

  it('offers no deactivation or role change on oneself, asks before deactivating another, and resets passwords', async () => {
    const api = stubApi({
      'GET /people': ({ call }) =>
        people(call === 0 ? [me, lucia] : [me, { ...lucia, status: 'deactivated' }]),
      'PATCH /people/u-lucia': ({ body }) => ({ person: { ...lucia, ...(body as object) } }),
      'POST /people/u-lucia/password-reset': () => ({ mailed: true }),
      'DELETE /people/u-lucia/second-factor': () => new Response(null, { status: 204 }),
    });
    render(<PeoplePage meId="u-admin" />);
    await settle();
    const rows = screen.getAllByRole('row');
    const adminRow = rows.find((r) => r.textContent?.includes('admin@example.test'))!;
    expect(within(adminRow).queryByRole('button', { name: 'Deactivate' })).toBeNull();
    expect((within(adminRow).getByLabelText('Role: Ada Admin') as HTMLSelectElement).disabled).toBe(true);

    const luciaRow = rows.find((r) => r.textContent?.includes('lucia@example.test'))!;
    fireEvent.click(within(luciaRow).getByRole('button', { name: 'Deactivate' }));
    expect(screen.getByText(/Deactivate Lucía\? They are signed out at once/)).toBeTruthy();
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Deactivate' }));
    await settle();
    expect(api.callsTo('PATCH /people/u-lucia')[0]!.body).toEqual({ status: 'deactivated' });
    expect(screen.getByText('Deactivated')).toBeTruthy();

    const again = screen.getAllByRole('row').find((r) => r.textContent?.includes('lucia@example.test'))!;
    expect(within(again).getByRole('button', { name: 'Reactivate' })).toBeTruthy();
    fireEvent.click(within(again).getByRole('button', { name: 'Reset password' }));
    await settle();
    expect(api.callsTo('POST /people/u-lucia/password-reset')).toHaveLength(1);
    expect(screen.getByText('A link to choose a new password is on its way to Lucía.')).toBeTruthy();
    fireEvent.click(within(again).getByRole('button', { name: 'Turn off sign-in code' }));
    await settle();
    expect(api.callsTo('DELETE /people/u-lucia/second-factor')).toHaveLength(1);
  });
});
