// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelSettingsView } from '../../api/types.ts';
import { stubApi } from '../../api/test-api.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { ChannelsSection } from './channels-section.tsx';
import { sandboxChannels } from './test-channels.ts';

useComponentTestHooks();

const emailOnSandbox: ChannelSettingsView = { ...sandboxChannels()[0]!, channel: 'email' };
const smtpSaved: ChannelSettingsView = {
  channel: 'email',
  provider: 'smtp',
  source: 'settings',
  sandbox: false,
  config: { host: 'smtp.example.org', port: 465, security: 'tls', fromAddress: 'ayuda@example.org' },
  secretsSet: [],
  keyId: 'k1',
  updatedAt: '2030-01-02T03:04:05.000Z',
};

describe('Settings → Channels: email over SMTP', () => {
  it('saves an SMTP account with its security, port as a number and no password for a relay', async () => {
    const api = stubApi({
      'GET /channels': () => ({ items: [...sandboxChannels(), emailOnSandbox] }),
      'PUT /channels/email': () => smtpSaved,
      'POST /channels/email/test': () => ({
        ok: false,
        code: 'CHANNEL_AUTH_FAILED',
        message: '535 bad login',
      }),
    });
    render(<ChannelsSection />);
    await settle();
    const form = screen.getByRole('form', { name: 'Email provider settings' });
    fireEvent.change(within(form).getByLabelText('Provider'), { target: { value: 'smtp' } });
    const type = (label: string, value: string) =>
      fireEvent.change(within(form).getByLabelText(label), { target: { value } });
    expect((within(form).getByLabelText('Security') as HTMLSelectElement).value).toBe('starttls');
    expect(within(form).getByLabelText('Password').getAttribute('aria-required')).toBeNull();
    type('SMTP server', 'smtp.example.org');
    type('Port', '465');
    type('Security', 'tls');
    type('From address', 'ayuda@example.org');
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await settle();
    expect(api.callsTo('PUT /channels/email')[0]!.body).toEqual({
      provider: 'smtp',
      config: { host: 'smtp.example.org', port: 465, security: 'tls', fromAddress: 'ayuda@example.org' },
      secrets: {},
    });
    const card = screen.getByRole('article', { name: 'Email' });
    expect(within(card).getByTestId('provider-in-use').textContent).toBe('SMTP (your mail server)');

    fireEvent.click(within(card).getByRole('button', { name: 'Test connection' }));
    await settle();
    expect(within(card).getByRole('status').textContent).toBe(
      'Could not connect: The channel’s provider refused the credentials: check them in Settings (535 bad login)',
    );
  });
});
