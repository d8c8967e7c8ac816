import { describe, expect, it } from 'vitest';
import type { InboundEmail } from '../messaging/messaging-driver.ts';
import { autoReplySkip } from './auto-reply-safety.ts';

const email = (extra: Partial<InboundEmail> = {}): InboundEmail => ({
  subject: 'Horario',
  cc: [],
  messageId: 'a@example.org',
  references: [],
  attachments: [],
  envelopeFrom: 'ana@example.org',
  ...extra,
});
const person = { ownMail: false };
const skip = (extra: Partial<InboundEmail>, from = 'ana@example.org', context = person) =>
  autoReplySkip({ from, email: email(extra) }, context)?.reason;

describe('autoReplySkip (RFC 3834)', () => {
  it('lets a person’s mail be answered, also with Auto-Submitted: no', () => {
    expect(skip({})).toBeUndefined();
    expect(skip({ autoSubmitted: 'no' })).toBeUndefined();
    expect(skip({ autoSubmitted: 'No' })).toBeUndefined();
    expect(skip({ precedence: 'first-class' })).toBeUndefined();
  });

  it('never answers mail sent automatically', () => {
    expect(skip({ autoSubmitted: 'auto-generated' })).toBe('AUTO_SUBMITTED');
    expect(skip({ autoSubmitted: 'auto-replied; owner-email="x@example.org"' })).toBe('AUTO_SUBMITTED');
    expect(skip({ autoSubmitted: 'auto-notified' })).toBe('AUTO_SUBMITTED');
  });

  it('never answers bulk, list or junk precedence', () => {
    for (const precedence of ['bulk', 'list', 'junk', ' Bulk '])
      expect(skip({ precedence })).toBe('BULK_PRECEDENCE');
  });

  it('never answers list mail', () => {
    expect(skip({ listId: '<news.example.org>' })).toBe('MAILING_LIST');
    expect(skip({ listUnsubscribe: '<mailto:leave@example.org>' })).toBe('MAILING_LIST');
  });

  it('never answers the null sender or a mail system', () => {
    expect(skip({ envelopeFrom: '' })).toBe('NULL_SENDER');
    expect(autoReplySkip({ from: '', email: email({ envelopeFrom: undefined }) }, person)?.reason).toBe(
      'NULL_SENDER',
    );
    expect(skip({}, 'MAILER-DAEMON@example.org')).toBe('MAILER_DAEMON');
    expect(skip({ envelopeFrom: 'postmaster@example.org' })).toBe('MAILER_DAEMON');
    expect(skip({}, 'news-request@lists.example.org')).toBe('MAILER_DAEMON');
  });

  it('never answers delivery or complaint reports', () => {
    expect(skip({ report: 'dsn' })).toBe('DELIVERY_REPORT');
    expect(skip({ report: 'arf' })).toBe('DELIVERY_REPORT');
  });

  it('never answers our own mail', () => {
    expect(skip({}, 'ana@example.org', { ownMail: true })).toBe('OWN_MAIL');
  });

  it('says why in words a person reads', () => {
    expect(
      autoReplySkip({ from: 'a@example.org', email: email({ precedence: 'bulk' }) }, person)?.message,
    ).toMatch(/bulk/);
  });
});
