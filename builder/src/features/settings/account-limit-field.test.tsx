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

describe('Settings → Channels: the sending account’s limit', () => {
  it('sends the hourly cap of a mail server as a number, and shows a refused one beside its field', async () => {
    const api = stubApi({
      'GET /channels': () => ({ items: [...sandboxChannels(), emailOnSandbox] }),
      'PUT /channels/email': ({ call }) =>
        call === 0
          ? new Response(
              JSON.stringify({
                error: {
                  code: 'CHANNEL_SETTINGS_INVALID',
                  message: 'The smtp driver does not accept config.messagesPerHour',
                  details: {
                    fields: [
                      {
                        field: 'config.messagesPerHour',
                        message: 'messagesPerHour must be at most 1,000,000 messages an hour',
                      },
                    ],
                  },
                },
              }),
              { status: 422 },
            )
          : { ...emailOnSandbox, provider: 'smtp', source: 'settings', sandbox: false },
    });
    render(<ChannelsSection />);
    await settle();
    const form = screen.getByRole('form', { name: 'Email provider settings' });
    fireEvent.change(within(form).getByLabelText('Provider'), { target: { value: 'smtp' } });
    const type = (label: string, value: string) =>
      fireEvent.change(within(form).getByLabelText(label), { target: { value } });
    type('SMTP server', 'smtp.example.org');
    type('Port', '587');
    type('From address', 'ayuda@example.org');
    type('Emails per hour your server allows', '5000000');
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await settle();
    expect(api.callsTo('PUT /channels/email')[0]!.body).toMatchObject({
      config: { messagesPerHour: 5_000_000 },
    });
    const field = within(form).getByLabelText('Emails per hour your server allows');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('messagesPerHour must be at most 1,000,000 messages an hour')).toBeTruthy();
  });
});
