import { describe, expect, it } from 'vitest';
import { channelBody, formValues } from './channel-body.ts';

describe('channelBody', () => {
  it('leaves out empty settings and secrets, trims settings, keeps secrets as typed', () => {
    expect(
      channelBody('smpp', {
        'config.host': ' smsc ',
        'config.port': '2775',
        'config.windowSize': '',
        'config.systemType': '   ',
        'secrets.password': ' pass ',
        'config.accountSid': 'not an SMPP setting',
      }),
    ).toEqual({ provider: 'smpp', config: { host: 'smsc', port: 2775 }, secrets: { password: ' pass ' } });
  });

  it('sends a number field that is not a number as text, for the API to name', () => {
    expect(channelBody('smpp', { 'config.port': 'abc' }).config).toEqual({ port: 'abc' });
  });

  it('starts the form from saved settings as text', () => {
    expect(formValues({ host: 'h', port: 2775, nested: { a: 1 } })).toEqual({
      'config.host': 'h',
      'config.port': '2775',
    });
  });
});
