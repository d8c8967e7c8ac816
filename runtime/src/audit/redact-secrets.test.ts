import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact-secrets.ts';
import { csvField } from './audit-export.ts';

describe('redactSecrets', () => {
  it('hides sealed secrets, hashes, passwords and tokens at any depth, and keeps what tells the change', () => {
    const row = {
      provider: 'twilio',
      secretsSealed: 'v1.iv.tag.cipher',
      secretNames: ['authToken'],
      keyHash: 'abc',
      passwordHash: '$argon2id$v=19$…',
      hash: 'graph-hash',
      keyId: 'fingerprint',
      config: { authToken: 't0k3n', from: '+34911000002', nested: [{ password: 'p', user: 'u' }] },
      webhookSecret: 'whsec_1',
      privateKeySealed: 'v1.x',
      empty: { token: '' },
      createdAt: new Date('2026-12-07T10:00:00Z'),
    };
    expect(redactSecrets(row)).toEqual({
      provider: 'twilio',
      secretsSealed: '[redacted]',
      secretNames: ['authToken'],
      keyHash: '[redacted]',
      passwordHash: '[redacted]',
      hash: 'graph-hash',
      keyId: 'fingerprint',
      config: {
        authToken: '[redacted]',
        from: '+34911000002',
        nested: [{ password: '[redacted]', user: 'u' }],
      },
      webhookSecret: '[redacted]',
      privateKeySealed: '[redacted]',
      empty: { token: '' },
      createdAt: '2026-12-07T10:00:00.000Z',
    });
  });
});

describe('csvField', () => {
  it('quotes per RFC 4180 and defuses spreadsheet formulas', () => {
    expect(csvField('Citas, médicas "VIP"')).toBe('"Citas, médicas ""VIP"""');
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+34600112233')).toBe("'+34600112233");
    expect(csvField(null)).toBe('');
    expect(csvField(201)).toBe('201');
    expect(csvField(new Date('2026-12-07T10:00:00Z'))).toBe('2026-12-07T10:00:00.000Z');
  });
});
