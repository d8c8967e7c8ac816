import { describe, expect, it } from 'vitest';
import { isSpfRecord, mergedSpfRecord, passesEveryone, spfReferences, withMechanism } from './spf-record.ts';

describe('SPF record terms', () => {
  it('knows an SPF record by its exact version tag (RFC 7208 §4.5)', () => {
    expect(isSpfRecord('v=spf1 -all')).toBe(true);
    expect(isSpfRecord('V=SPF1')).toBe(true);
    expect(isSpfRecord('v=spf10 -all')).toBe(false);
    expect(isSpfRecord('google-site-verification=x')).toBe(false);
  });

  it('sees all and +all as letting everyone send, not ~all or -all', () => {
    expect(passesEveryone('v=spf1 +all')).toBe(true);
    expect(passesEveryone('v=spf1 mx all')).toBe(true);
    expect(passesEveryone('v=spf1 mx ~all')).toBe(false);
  });

  it('adds a mechanism first, once, and turns +all into ~all', () => {
    expect(withMechanism('v=spf1 mx -all', 'a:mail.example.com')).toBe('v=spf1 a:mail.example.com mx -all');
    expect(withMechanism('v=spf1 A:Mail.example.com mx -all', 'a:mail.example.com')).toBe(
      'v=spf1 a:mail.example.com mx -all',
    );
    expect(withMechanism('v=spf1 +all', 'include:_spf.google.com')).toBe(
      'v=spf1 include:_spf.google.com ~all',
    );
    expect(withMechanism('v=spf1 redirect=_spf.example.com', 'ip4:192.0.2.1')).toBe(
      'v=spf1 ip4:192.0.2.1 redirect=_spf.example.com',
    );
  });

  it('merges several records into one without repeats, all-terms or redirects', () => {
    expect(
      mergedSpfRecord(
        ['v=spf1 mx ip4:192.0.2.1 -all', 'v=spf1 mx redirect=x.example ?all'],
        'a:mail.example.com',
      ),
    ).toBe('v=spf1 a:mail.example.com mx ip4:192.0.2.1 ~all');
  });

  it('lists the domains a record sends evaluation on to', () => {
    expect(spfReferences('v=spf1 include:_spf.Google.com. -include:x.example redirect=y.example mx')).toEqual(
      ['_spf.google.com', 'x.example', 'y.example'],
    );
  });
});
