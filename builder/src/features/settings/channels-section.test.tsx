// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { ChannelsSection } from './channels-section.tsx';
import { accountSid, sandboxChannels, smppSms, twilioSms, withChannel } from './test-channels.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';

const card = (name: string) => screen.getByRole('article', { name });
const smsForm = () => screen.getByRole('form', { name: 'SMS provider settings' });

function apiErrorWithDetails(status: number, code: string, message: string, details: unknown) {
  return new Response(JSON.stringify({ error: { code, message, details } }), { status });
}

useComponentTestHooks();

describe('ChannelsSection', () => {
  it('shows each channel’s provider, where it comes from, and the webhook URLs to copy', async () => {
    stubApi({ 'GET /channels': () => ({ items: withChannel(twilioSms()) }) });
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    render(<ChannelsSection />);
    await settle();

    const whatsapp = card('WhatsApp');
    expect(within(whatsapp).getByTestId('provider-in-use').textContent).toBe('Sandbox (no account)');
    expect(within(whatsapp).getByText('sandbox')).toBeTruthy();
    expect(within(card('Web chat')).queryByRole('form')).toBeNull();

    const sms = card('SMS');
    expect(within(sms).getByTestId('provider-in-use').textContent).toBe('Twilio');
    expect(within(sms).getByText('saved settings')).toBeTruthy();
    const incoming = `${location.origin}/api/v1/webhooks/twilio/w1/sms`;
    expect(within(sms).getByText(incoming)).toBeTruthy();
    expect(within(sms).getByText(`${location.origin}/api/v1/webhooks/twilio/w1/status`)).toBeTruthy();
    fireEvent.click(within(sms).getByRole('button', { name: 'Copy Messages in' }));
    await settle();
    expect(writeText).toHaveBeenCalledWith(incoming);
    expect(within(sms).getByText('Copied')).toBeTruthy();

    // The saved settings fill the form; the secret is never shown, only that it is set.
    expect((within(smsForm()).getByLabelText('Provider') as HTMLSelectElement).value).toBe('twilio');
    expect((within(smsForm()).getByLabelText('Account SID') as HTMLInputElement).value).toBe(accountSid);
    const token = within(smsForm()).getByLabelText('Auth token') as HTMLInputElement;
    expect(token.type).toBe('password');
    expect(token.value).toBe('');
    expect(token.getAttribute('aria-required')).toBeNull();
    expect(within(smsForm()).getByText('Set — leave empty to keep it')).toBeTruthy();
  });

  it('says a channel has no provider, and that its sends fail, on a server that refuses the sandbox', async () => {
    const none = { ...sandboxChannels()[0]!, provider: null, source: 'none' as const, sandbox: false };
    stubApi({ 'GET /channels': () => ({ items: withChannel(none), sandboxInUse: [] }) });
    render(<ChannelsSection />);
    await settle();
    const whatsapp = card('WhatsApp');
    expect(within(whatsapp).getByTestId('provider-in-use').textContent).toBe('No provider');
    expect(whatsapp.textContent).toContain('sends on this channel fail (CHANNEL_NOT_CONFIGURED)');
  });

  it('saves with the saved secret left out of the body when its field stays empty', async () => {
    const api = stubApi({
      'GET /channels': () => ({ items: withChannel(twilioSms()) }),
      'PUT /channels/sms': () =>
        twilioSms({ config: { accountSid, from: '+34911000002' }, updatedAt: '2030-01-03T00:00:00.000Z' }),
    });
    render(<ChannelsSection />);
    await settle();
    fireEvent.change(within(smsForm()).getByLabelText('From (a Twilio number)'), {
      target: { value: ' +34911000002 ' },
    });
    fireEvent.click(within(smsForm()).getByRole('button', { name: 'Save' }));
    await settle();

    expect(api.callsTo('PUT /channels/sms')[0]!.body).toEqual({
      provider: 'twilio',
      config: { accountSid, from: '+34911000002' },
      secrets: {},
    });
    expect(within(card('SMS')).getByRole('status').textContent).toBe('Saved');
    expect((within(smsForm()).getByLabelText('From (a Twilio number)') as HTMLInputElement).value).toBe(
      '+34911000002',
    );
  });

  it('sends numbers as numbers and every secret typed when switching to SMPP', async () => {
    const api = stubApi({
      'GET /channels': () => ({ items: sandboxChannels() }),
      'PUT /channels/sms': () => smppSms(),
    });
    render(<ChannelsSection />);
    await settle();
    const form = smsForm();
    expect((within(form).getByLabelText('Provider') as HTMLSelectElement).value).toBe('sandbox');
    fireEvent.change(within(form).getByLabelText('Provider'), { target: { value: 'smpp' } });
    const type = (label: string, value: string) =>
      fireEvent.change(within(form).getByLabelText(label), { target: { value } });
    expect(within(form).getByLabelText('Password').getAttribute('aria-required')).toBe('true');
    type('SMSC host', 'smsc.example.net');
    type('Port', '2775');
    type('System ID', 'acme');
    type('Password', 's3cret');
    type('Sender (number or name)', '+34911000000');
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await settle();
    expect(api.callsTo('PUT /channels/sms')[0]!.body).toEqual({
      provider: 'smpp',
      config: { host: 'smsc.example.net', port: 2775, systemId: 'acme', sourceAddress: '+34911000000' },
      secrets: { password: 's3cret' },
    });
    expect(within(card('SMS')).getByTestId('provider-in-use').textContent).toBe('SMPP (your SMSC)');
  });

  it('shows the API’s 422 and 400 beside the fields they name, and a rule over two fields on top', async () => {
    stubApi({
      'GET /channels': () => ({ items: sandboxChannels() }),
      'PUT /channels/sms': ({ call }) =>
        [
          apiErrorWithDetails(422, 'SECRETS_MISSING', 'twilio needs secrets.authToken', {
            missing: ['authToken'],
          }),
          apiErrorWithDetails(400, 'VALIDATION_FAILED', 'config.accountSid: …; config: …', {
            issues: [
              { path: 'config.accountSid', message: 'accountSid is AC followed by 32 hex digits' },
              { path: 'config', message: 'Set from (a Twilio number) or messagingServiceSid' },
            ],
          }),
        ][call],
    });
    render(<ChannelsSection />);
    await settle();
    const form = smsForm();
    fireEvent.change(within(form).getByLabelText('Provider'), { target: { value: 'twilio' } });
    fireEvent.change(within(form).getByLabelText('Account SID'), { target: { value: accountSid } });
    fireEvent.change(within(form).getByLabelText('From (a Twilio number)'), { target: { value: '+34911' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await settle();
    const token = within(form).getByLabelText('Auth token');
    expect(token.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(token.getAttribute('aria-describedby')!)!.textContent).toBe(
      'twilio needs secrets.authToken',
    );
    expect(within(form).getByRole('alert').textContent).toBe(
      'Some settings need a change: see the marked fields.',
    );

    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await settle();
    const sid = within(form).getByLabelText('Account SID');
    expect(sid.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('accountSid is AC followed by 32 hex digits')).toBeTruthy();
    expect(within(form).getByRole('alert').textContent).toBe(
      'config: Set from (a Twilio number) or messagingServiceSid',
    );
    expect(within(card('SMS')).getByTestId('provider-in-use').textContent).toBe('Sandbox (no account)');
  });

  it('removes saved settings after confirming, and shows what the channel falls back to', async () => {
    const api = stubApi({
      'GET /channels': ({ call }) => ({ items: call === 0 ? withChannel(twilioSms()) : sandboxChannels() }),
      'DELETE /channels/sms': () => new Response(null, { status: 204 }),
    });
    render(<ChannelsSection />);
    await settle();
    expect(within(card('WhatsApp')).queryByRole('button', { name: 'Remove' })).toBeNull();
    fireEvent.click(within(card('SMS')).getByRole('button', { name: 'Remove' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove the SMS settings?' });
    expect(api.callsTo('DELETE /channels/sms')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove settings' }));
    await settle();
    expect(api.callsTo('DELETE /channels/sms')).toHaveLength(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(card('SMS')).getByTestId('provider-in-use').textContent).toBe('Sandbox (no account)');
    expect(within(card('SMS')).queryByRole('button', { name: 'Remove' })).toBeNull();
    expect((within(smsForm()).getByLabelText('Provider') as HTMLSelectElement).value).toBe('sandbox');
  });

  it('tests an SMPP connection and shows the outcome, good or bad', async () => {
    const api = stubApi({
      'GET /channels': () => ({ items: withChannel(smppSms()) }),
      'POST /channels/sms/test': ({ call }) =>
        call === 0
          ? { ok: true, message: 'Bound to smsc.example.net:2775' }
          : { ok: false, code: 'SMPP_BIND_FAILED', message: 'bind_transceiver answered ESME_RINVPASWD' },
    });
    render(<ChannelsSection />);
    await settle();
    const sms = card('SMS');
    fireEvent.click(within(sms).getByRole('button', { name: 'Test connection' }));
    await settle();
    expect(api.callsTo('POST /channels/sms/test')).toHaveLength(1);
    expect(within(sms).getByRole('status').textContent).toBe('Connected: Bound to smsc.example.net:2775');
    fireEvent.click(within(sms).getByRole('button', { name: 'Test connection' }));
    await settle();
    expect(within(sms).getByRole('status').textContent).toBe(
      'Could not connect: SMPP_BIND_FAILED: bind_transceiver answered ESME_RINVPASWD',
    );
    expect(within(sms).getByRole('status').getAttribute('data-kind')).toBe('failed');
    // Twilio has no connection to test: the button is only offered for SMPP.
    expect(within(card('WhatsApp')).queryByRole('button', { name: 'Test connection' })).toBeNull();
  });

  it('tells someone who is not an admin why there are no forms', async () => {
    stubApi({
      'GET /channels': () => apiError(403, 'FORBIDDEN', 'Only admins can see channel settings'),
    });
    render(<ChannelsSection />);
    await settle();
    expect(screen.getByText(/Only workspace admins can see and change channel providers/)).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('speaks Spanish', async () => {
    useLocale.getState().setLocale('es');
    stubApi({ 'GET /channels': () => ({ items: withChannel(twilioSms()) }) });
    render(<ChannelsSection />);
    await settle();
    const sms = screen.getByRole('article', { name: 'SMS' });
    expect(within(sms).getByText('ajustes guardados')).toBeTruthy();
    expect(within(sms).getByText('Guardado — déjalo vacío para conservarlo')).toBeTruthy();
    expect(within(sms).getByRole('button', { name: 'Quitar' })).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Ajustes del proveedor de SMS' })).toBeTruthy();
  });
});
