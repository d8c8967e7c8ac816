// @vitest-environment happy-dom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { SettingsPage } from './settings-page.tsx';
import { PermissionsProvider } from '../roles/permissions.tsx';
import { useComponentTestHooks } from '../../testing/component-test-hooks.ts';

useComponentTestHooks();

describe('SettingsPage', () => {
  it('shows a designer who is not an admin a note for channels, and still the web chat tag', async () => {
    stubApi({
      'GET /workspace/settings': () => ({ runRetentionDays: 30, slaTargetPercent: 99.8 }),
      'GET /quotas': () => ({ items: [] }),
      'GET /workspace/default-country': () => ({ country: 'PE' }),
      'GET /workspace/campaign-settings': () => ({ timezone: null, quietHours: null, frequencyCap: null }),
      'GET /channels': () => apiError(403, 'FORBIDDEN', 'Only admins can see channel settings'),
      'GET /dkim-keys': () => apiError(403, 'FORBIDDEN', 'Only an admin can see DKIM keys'),
      'GET /email/deliverability/domains': () => ({ domains: ['example.test'], sendingServer: null }),
      'GET /mail/domains': () => ({ domains: ['ayuda.example.test'] }),
      'GET /mail/mailboxes': () =>
        apiError(403, 'FORBIDDEN', 'Only an admin can see the connected mailboxes'),
      'GET /api-keys': () => ({ items: [] }),
      'GET /oauth-clients': () => apiError(403, 'FORBIDDEN', 'Only an admin can see OAuth clients'),
      'GET /workspace/webchat-embed': () => ({
        key: 'w1',
        embedCode: '<script src="http://h/webchat.js" data-key="w1" async></script>',
      }),
    });
    render(<SettingsPage />);
    await act(() => vi.advanceTimersByTimeAsync(0));
    const channels = screen.getByRole('region', { name: 'Channels' });
    expect(within(channels).getByText(/Only workspace admins/)).toBeTruthy();
    expect(within(channels).queryByRole('form')).toBeNull();
    expect(screen.getByRole('region', { name: 'Run history' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Campaigns and contacts' })).toBeTruthy();
    // A designer may check the sending domain even though channels are admin-only.
    const deliverability = screen.getByRole('region', { name: 'Email deliverability' });
    expect(within(deliverability).getByRole('button', { name: 'Check' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Receiving email' })).toBeTruthy();
    const embed = screen.getByRole('region', { name: 'Web chat on your site' });
    expect(within(embed).getByTestId('embed-code').textContent).toContain('data-key="w1"');
    expect(screen.queryByRole('region', { name: 'Email signing (DKIM)' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Mailboxes read by Omniflow' })).toBeNull();
    // Everyone has API keys of their own; OAuth clients are an admin's.
    expect(screen.getByRole('region', { name: 'API keys' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'OAuth clients' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers a viewer no deliverability check and no web chat tag', async () => {
    const api = stubApi({
      'GET /workspace/settings': () => ({ runRetentionDays: 30, slaTargetPercent: 99.8 }),
      'GET /quotas': () => ({ items: [] }),
      'GET /workspace/default-country': () => ({ country: 'PE' }),
      'GET /workspace/campaign-settings': () => ({ timezone: null, quietHours: null, frequencyCap: null }),
      'GET /channels': () => apiError(403, 'FORBIDDEN', 'Your role (viewer) cannot set up channels'),
      'GET /dkim-keys': () => apiError(403, 'FORBIDDEN', 'Your role (viewer) cannot set up channels'),
      'GET /mail/mailboxes': () => apiError(403, 'FORBIDDEN', 'Your role (viewer) cannot set up channels'),
      'GET /mail/domains': () => ({ domains: [] }),
    });
    render(
      <PermissionsProvider permissions={['settings:read', 'quotas:read']}>
        <SettingsPage />
      </PermissionsProvider>,
    );
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByRole('region', { name: 'Run history' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Email deliverability' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Web chat on your site' })).toBeNull();
    expect(api.callsTo('GET /email/deliverability/domains')).toHaveLength(0);
    expect(api.callsTo('GET /workspace/webchat-embed')).toHaveLength(0);
  });

  it('shows a viewer the settings to read, with no save control whose PUT would be refused', async () => {
    const api = stubApi({
      'GET /workspace/settings': () => ({ runRetentionDays: 30, slaTargetPercent: 99.8 }),
      'GET /quotas': () => ({ items: [] }),
      'GET /workspace/default-country': () => ({ country: 'PE' }),
      'GET /workspace/campaign-settings': () => ({ timezone: null, quietHours: null, frequencyCap: null }),
      'GET /channels': () => apiError(403, 'FORBIDDEN', 'Your role (viewer) cannot set up channels'),
      'GET /dkim-keys': () => apiError(403, 'FORBIDDEN', 'Your role (viewer) cannot set up channels'),
      'GET /mail/mailboxes': () => apiError(403, 'FORBIDDEN', 'Your role (viewer) cannot set up channels'),
      'GET /mail/domains': () => ({ domains: ['ayuda.example.test'] }),
      'PUT /workspace/settings': () =>
        apiError(403, 'FORBIDDEN', 'Your role (viewer) cannot change settings'),
    });
    render(
      <PermissionsProvider permissions={['settings:read', 'quotas:read']}>
        <SettingsPage />
      </PermissionsProvider>,
    );
    await act(() => vi.advanceTimersByTimeAsync(0));
    for (const name of ['Run history', 'Availability target', 'Campaigns and contacts', 'Receiving email']) {
      const section = screen.getByRole('region', { name });
      expect(within(section).queryByRole('button', { name: /save/i }), name).toBeNull();
    }
    expect(screen.queryAllByRole('button', { name: /save/i })).toHaveLength(0);
    const days = screen.getByLabelText('Keep run details for (days)') as HTMLInputElement;
    expect(days.value).toBe('30');
    expect(days.readOnly).toBe(true);
    expect((screen.getByLabelText('Target availability (%)') as HTMLInputElement).readOnly).toBe(true);
    // Enter in the field submits the form even without a button: still nothing is sent.
    fireEvent.submit(days.form!);
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(api.callsTo('PUT /workspace/settings')).toHaveLength(0);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
