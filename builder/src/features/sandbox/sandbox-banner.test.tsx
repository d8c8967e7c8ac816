// @vitest-environment happy-dom
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { SandboxBanner, sandboxCheckEveryMs } from './sandbox-banner.tsx';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';

const notice = { channel: 'sms', flows: [{ id: 'f1', name: 'Notice' }] };

useComponentTestHooks();

describe('SandboxBanner', () => {
  it('warns, in the current language, while published flows send through the sandbox, and links to the channel settings', async () => {
    stubApi({ 'GET /channels/sandbox': () => ({ sandboxInUse: [notice] }) });
    render(<SandboxBanner />);
    await settle();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Published flows send on SMS through the sandbox');
    expect(alert.textContent).toContain('(Notice)');
    expect(screen.getByRole('link', { name: 'Connect a provider in Settings' }).getAttribute('href')).toBe(
      '#/settings',
    );
    act(() => useLocale.getState().setLocale('es'));
    expect(screen.getByRole('alert').textContent).toContain('a través del sandbox');
  });

  it('links to the caught mail while email is on the sandbox', async () => {
    stubApi({
      'GET /channels/sandbox': () => ({
        sandboxInUse: [{ channel: 'email', flows: [{ id: 'f2', name: 'Desk' }] }],
      }),
    });
    render(<SandboxBanner />);
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('on Email through the sandbox');
    expect(screen.getByRole('link', { name: 'Read the caught mail' }).getAttribute('href')).toBe('#/mail');
  });

  it('goes away once no published flow uses a sandbox channel', async () => {
    stubApi({
      'GET /channels/sandbox': ({ call }) => ({ sandboxInUse: call === 0 ? [notice] : [] }),
    });
    render(<SandboxBanner />);
    await settle();
    expect(screen.queryByRole('alert')).not.toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(sandboxCheckEveryMs));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
