import type { ChannelSettingsView } from '../../api/types.ts';

/** GET /channels as a fresh workspace sees it: every channel on its sandbox. */
export function sandboxChannels(): ChannelSettingsView[] {
  return (['whatsapp', 'sms', 'webchat'] as const).map((channel) => ({
    channel,
    provider: 'sandbox',
    source: 'sandbox',
    sandbox: true,
    config: {},
    secretsSet: [],
    keyId: null,
    updatedAt: null,
  }));
}

export const accountSid = `AC${'0123456789abcdef'.repeat(2)}`;

/** SMS through Twilio, saved in the workspace's settings with its auth token. */
export function twilioSms(overrides: Partial<ChannelSettingsView> = {}): ChannelSettingsView {
  return {
    channel: 'sms',
    provider: 'twilio',
    source: 'settings',
    sandbox: false,
    config: { accountSid, from: '+34911000001' },
    secretsSet: ['authToken'],
    keyId: 'k1',
    updatedAt: '2030-01-02T03:04:05.000Z',
    webhooks: {
      incoming: '/api/v1/webhooks/twilio/w1/sms',
      statusCallback: '/api/v1/webhooks/twilio/w1/status',
    },
    ...overrides,
  };
}

/** SMS over SMPP, saved with its password. */
export function smppSms(): ChannelSettingsView {
  return {
    channel: 'sms',
    provider: 'smpp',
    source: 'settings',
    sandbox: false,
    config: { host: 'smsc.example.net', port: 2775, systemId: 'acme', sourceAddress: '+34911000000' },
    secretsSet: ['password'],
    keyId: 'k1',
    updatedAt: '2030-01-02T03:04:05.000Z',
  };
}

/** The channel list with one channel replaced. */
export function withChannel(view: ChannelSettingsView): ChannelSettingsView[] {
  return sandboxChannels().map((item) => (item.channel === view.channel ? view : item));
}
