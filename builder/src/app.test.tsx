// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './app.tsx';
import { apiError, stubApi } from './api/test-api.ts';
import { useLocale } from './i18n/use-i18n.ts';

const user = { id: 'u1', email: 'ops@example.com', name: 'Ops', role: 'admin', workspaceId: 'w1' };
const everything = [
  'flows:read',
  'runs:read',
  'calls:read',
  'recordings:read',
  'recordings:manage',
  'contacts:read',
  'templates:read',
  'campaigns:read',
  'sandbox:use',
  'settings:read',
];
/** What GET /auth/me answers a supervisor (runtime/src/auth/permissions.ts). */
const supervisor = [
  'flows:read',
  'runs:read',
  'runs:operate',
  'calls:read',
  'recordings:read',
  'contacts:read',
  'campaigns:read',
  'templates:read',
  'settings:read',
];
const noCounts = {
  counts: { running: 0, waiting: 0, completed: 0, failed: 0, cancelled: 0, abandoned: 0 },
  total: 0,
};

beforeEach(() => {
  vi.useFakeTimers();
  useLocale.getState().setLocale('en');
  stubApi({
    'GET /auth/me': () => ({ user, permissions: everything }),
    'GET /flows': () => ({ items: [] }),
    'GET /runs': () => ({ items: [], nextCursor: null }),
    'GET /runs/counts': () => noCounts,
    'GET /workspace/settings': () => ({ runRetentionDays: 30, slaTargetPercent: 99.8 }),
    'GET /messages': () => ({ items: [], nextCursor: null }),
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  location.hash = '';
});

// Screens loaded on first use need a module transform: slow on a busy machine.
const lazyLoad = { timeout: 15_000 };

const goTo = (hash: string) =>
  act(() => {
    location.hash = hash;
    dispatchEvent(new HashChangeEvent('hashchange'));
  });

describe('App navigation', () => {
  it('links Runs and Settings from the header and opens each screen from its hash route', async () => {
    location.hash = '#/flows';
    render(<App />);
    await act(() => vi.advanceTimersByTimeAsync(0));
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const runs = screen.getByRole('link', { name: 'Runs' });
    expect(nav.contains(runs)).toBe(true);
    expect(runs.getAttribute('href')).toBe('#/runs');
    expect(screen.getByRole('link', { name: 'Settings' }).getAttribute('href')).toBe('#/settings');
    // The flows are a named link too, not only the logo: the current page on the list.
    const flows = screen.getByRole('link', { name: 'Flows' });
    expect([nav.contains(flows), flows.getAttribute('href')]).toEqual([true, '#/flows']);
    expect(flows.getAttribute('aria-current')).toBe('page');

    await goTo('#/runs?status=failed');
    await vi.waitFor(() => screen.getByRole('heading', { name: 'Runs' }), lazyLoad);
    expect(runs.getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('button', { name: /Failed/ }).getAttribute('aria-pressed')).toBe('true');

    await goTo('#/settings');
    await vi.waitFor(() => screen.getByRole('heading', { name: 'Settings' }), lazyLoad);
    expect(runs.getAttribute('aria-current')).toBeNull();
  });

  it('links the phone simulator from the header and opens it from #/phone', async () => {
    location.hash = '#/flows';
    render(<App />);
    await act(() => vi.advanceTimersByTimeAsync(0));
    const phone = screen.getByRole('link', { name: 'Phone' });
    expect(screen.getByRole('navigation', { name: 'Main' }).contains(phone)).toBe(true);
    expect(phone.getAttribute('href')).toBe('#/phone');

    await goTo('#/phone');
    await vi.waitFor(() => screen.getByRole('heading', { name: 'Phone simulator' }), lazyLoad);
    expect(phone.getAttribute('aria-current')).toBe('page');
  });

  it('links Calls and Recordings; a supervisor sees recordings without the admin actions', async () => {
    stubApi({
      'GET /auth/me': () => ({ user: { ...user, role: 'supervisor' }, permissions: supervisor }),
      'GET /flows': () => ({ items: [] }),
      'GET /calls': () => ({ items: [], nextCursor: null }),
      'GET /calls/volume': () => ({ bucket: 'day', timeZone: 'UTC', items: [] }),
      'GET /recordings': () => ({ items: [], nextCursor: null }),
      'GET /recordings/usage': () => ({
        store: 'filesystem',
        bytes: 0,
        quotaBytes: 250_000_000_000,
        percent: 0,
        warning: false,
        full: false,
        count: 0,
      }),
    });
    location.hash = '#/flows';
    render(<App />);
    await act(() => vi.advanceTimersByTimeAsync(0));
    const calls = screen.getByRole('link', { name: 'Calls' });
    expect(calls.getAttribute('href')).toBe('#/calls');
    await goTo('#/calls/c1');
    expect(calls.getAttribute('aria-current')).toBe('page');
    await goTo('#/recordings');
    await vi.waitFor(() => screen.getByRole('heading', { name: 'Recordings' }), lazyLoad);
    expect(screen.getByRole('link', { name: 'Recordings' }).getAttribute('aria-current')).toBe('page');
    await vi.waitFor(() => screen.getByText(/0 B of 250 GB used/), lazyLoad);
    expect(screen.queryByRole('button', { name: 'Delete by date' })).toBeNull();
    expect(screen.queryByLabelText('Quota')).toBeNull();

    useLocale.getState().setLocale('es');
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByRole('link', { name: 'Llamadas' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Grabaciones' })).toBeTruthy();
  });

  it('offers a viewer only what their role opens, and says so on a page it does not', async () => {
    stubApi({
      'GET /auth/me': () => ({
        user: { ...user, role: 'viewer' },
        permissions: ['flows:read', 'runs:read', 'calls:read', 'contacts:read', 'settings:read'],
      }),
      'GET /flows': () => ({ items: [] }),
    });
    location.hash = '#/flows';
    render(<App />);
    await act(() => vi.advanceTimersByTimeAsync(0));
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const offered = within(nav)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(offered).toEqual(['Flows', 'Runs', 'Calls', 'Contacts', 'Segments', 'Settings']);
    // A typed address (or an old bookmark) to a page the role does not open.
    await goTo('#/recordings');
    expect(screen.getByRole('heading', { name: 'Not available to your role' })).toBeTruthy();
    expect(screen.getByText(/Your role \(viewer\) does not open this page/)).toBeTruthy();
    useLocale.getState().setLocale('es');
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByText(/Tu rol \(lector\) no abre esta página/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Grabaciones' })).toBeNull();
  });

  it('asks who is signed in again after signing in, so the menu is the new person’s', async () => {
    let signedIn = false;
    const api = stubApi({
      'GET /auth/me': () =>
        signedIn
          ? { user: { ...user, role: 'agent' }, permissions: ['flows:read', 'runs:read', 'contacts:read'] }
          : apiError(401, 'UNAUTHENTICATED', 'Sign in'),
      'POST /auth/login': () => {
        signedIn = true;
        return { user: { ...user, role: 'agent' } };
      },
      'GET /flows': () => ({ items: [] }),
    });
    location.hash = '#/flows';
    render(<App />);
    await act(() => vi.advanceTimersByTimeAsync(0));
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: user.email } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    await vi.waitFor(() => screen.getByRole('navigation', { name: 'Main' }));
    expect(api.callsTo('GET /auth/me')).toHaveLength(2);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Settings' })).toBeNull();
    expect(within(nav).getByRole('link', { name: 'Contacts' })).toBeTruthy();
  });
});
