// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { AccountPage } from './account-page.tsx';

useComponentTestHooks();

const person = {
  id: 'u-1',
  email: 'lucia@example.test',
  name: 'Lucía',
  role: 'designer',
  language: 'en',
  status: 'active',
  secondFactor: false,
  createdAt: '2026-01-01T00:00:00Z',
  lastSeenAt: null,
  sessions: 2,
};
const sessions = {
  items: [
    {
      id: 's-1',
      createdAt: '2026-12-07T09:00:00Z',
      lastSeenAt: '2026-12-07T09:30:00Z',
      expiresAt: '',
      ipAddress: '198.51.100.1',
      userAgent: 'Firefox',
      current: true,
    },
    {
      id: 's-2',
      createdAt: '2026-12-06T09:00:00Z',
      lastSeenAt: null,
      expiresAt: '',
      ipAddress: '203.0.113.9',
      userAgent: 'Chrome on a phone',
      current: false,
    },
  ],
};

describe('AccountPage', () => {
  it('lists the sessions and ends another one, or signs out when ending this one', async () => {
    const api = stubApi({
      'GET /account': () => ({ person, secondFactor: { enabled: false, recoveryCodesLeft: 0 } }),
      'GET /account/sessions': () => sessions,
      'DELETE /account/sessions/s-2': () => new Response(null, { status: 204 }),
      'DELETE /account/sessions/s-1': () => new Response(null, { status: 204 }),
    });
    const onSignedOut = vi.fn();
    render(<AccountPage onSignedOut={onSignedOut} />);
    await settle();
    const other = screen.getAllByRole('row').find((r) => r.textContent?.includes('203.0.113.9'))!;
    expect(other.textContent).toContain('Chrome on a phone');
    fireEvent.click(within(other).getByRole('button', { name: 'Sign out' }));
    await settle();
    expect(api.callsTo('DELETE /account/sessions/s-2')).toHaveLength(1);
    expect(onSignedOut).not.toHaveBeenCalled();
    const current = screen.getAllByRole('row').find((r) => r.textContent?.includes('This session'))!;
    fireEvent.click(within(current).getByRole('button', { name: 'Sign out' }));
    await settle();
    expect(onSignedOut).toHaveBeenCalled();
  });

  it('shows why a new password is refused', async () => {
    stubApi({
      'GET /account': () => ({ person, secondFactor: { enabled: false, recoveryCodesLeft: 0 } }),
      'GET /account/sessions': () => sessions,
      'POST /account/password': () =>
        apiError(
          422,
          'PASSWORD_BREACHED',
          'This password appears in lists of leaked passwords that attackers try first; choose another',
        ),
    });
    render(<AccountPage onSignedOut={() => undefined} />);
    await settle();
    fireEvent.change(screen.getByLabelText('Current password'), { target: { value: 'the old one is long' } });
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'qwerty123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('leaked passwords');
  });

  it('sets up the sign-in code: QR and key, a wrong code refused, then the recovery codes shown once', async () => {
    const api = stubApi({
      'GET /account': ({ call }) => ({
        person,
        secondFactor:
          call === 0 ? { enabled: false, recoveryCodesLeft: 0 } : { enabled: true, recoveryCodesLeft: 10 },
      }),
      'GET /account/sessions': () => sessions,
      'POST /account/second-factor': () => ({
        secret: 'JBSWY3DPEHPK3PXP',
        uri: 'otpauth://totp/x',
        qrSvg: '<svg></svg>',
      }),
      'POST /account/second-factor/confirm': ({ body }) =>
        (body as { code: string }).code === '123456'
          ? { recoveryCodes: Array.from({ length: 10 }, (_, i) => `code-${i}`) }
          : apiError(422, 'CODE_WRONG', 'That code is not right'),
    });
    render(<AccountPage onSignedOut={() => undefined} />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Set up' }));
    await settle();
    expect(
      screen.getByRole('img', { name: 'QR code for your authenticator app' }).getAttribute('src'),
    ).toMatch(/^data:image\/svg\+xml/);
    expect(screen.getByTestId('totp-secret').textContent).toBe('JBSWY3DPEHPK3PXP');
    fireEvent.change(screen.getByLabelText('Code from the app'), { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('not right');
    fireEvent.change(screen.getByLabelText('Code from the app'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await settle();
    expect(api.callsTo('POST /account/second-factor/confirm')).toHaveLength(2);
    expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(10);
    expect(screen.getByText(/10 recovery codes left/)).toBeTruthy();
  });
});
