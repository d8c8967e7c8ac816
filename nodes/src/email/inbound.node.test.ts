import { describe, expect, it } from 'vitest';
import { runFragment } from '../sdk/testing.ts';
import { autoReplyPeriodMs, emailInbound, emailInboundMatches } from './inbound.node.ts';

const mail = (from: string, to: string, subject: string) => ({
  channel: 'email',
  from,
  to,
  email: { subject },
});
const config = (partial: object) => emailInbound.config.parse(partial);

describe('email.inbound', () => {
  it('takes any mail to any address when nothing is set, and only mail', () => {
    expect(emailInboundMatches(config({}), mail('ana@example.com', 'ayuda@omniflow.test', 'Hola'))).toBe(
      true,
    );
    expect(emailInboundMatches(config({}), { channel: 'sms', from: '+34600111222', to: 'x' })).toBe(false);
  });

  it('takes mail to its address only, whatever the case', () => {
    const c = config({ address: ' Ayuda@Omniflow.test ' });
    expect(c.address).toBe('ayuda@omniflow.test');
    expect(emailInboundMatches(c, mail('ana@example.com', 'ayuda@omniflow.test', ''))).toBe(true);
    expect(emailInboundMatches(c, mail('ana@example.com', 'ventas@omniflow.test', ''))).toBe(false);
  });

  it('filters senders by address or by domain', () => {
    const c = config({ sender: 'luis@example.org, @example.com' });
    expect(emailInboundMatches(c, mail('ana@example.com', 'a@b.c', ''))).toBe(true);
    expect(emailInboundMatches(c, mail('luis@example.org', 'a@b.c', ''))).toBe(true);
    expect(emailInboundMatches(c, mail('eva@example.org', 'a@b.c', ''))).toBe(false);
    expect(emailInboundMatches(c, mail('ana@notexample.com', 'a@b.c', ''))).toBe(false);
  });

  it('filters by words in the subject, ignoring case and accents', () => {
    const c = config({ subject: 'factura' });
    expect(emailInboundMatches(c, mail('a@b.c', 'x@y.z', 'Duda sobre mi FACTÚRA de marzo'))).toBe(true);
    expect(emailInboundMatches(c, mail('a@b.c', 'x@y.z', 'Hola'))).toBe(false);
  });

  it('answers each sender at most once a day unless the designer says otherwise', () => {
    expect(autoReplyPeriodMs(config({}))).toBe(86_400_000);
    expect(autoReplyPeriodMs(config({ autoReplyPeriod: 'PT4H' }))).toBe(4 * 3_600_000);
    expect(emailInbound.config.shape.autoReplyPeriod.meta()).toMatchObject({ ui: { widget: 'duration' } });
  });

  it('refuses a period that is not a duration and an address that is not one', () => {
    expect(emailInbound.config.safeParse({ autoReplyPeriod: 'mañana' }).success).toBe(false);
    expect(emailInbound.config.safeParse({ address: 'ayuda' }).error?.issues[0]?.message).toBe(
      'Write one address, such as ayuda@example.com',
    );
  });

  it('starts a conversation by mail and keeps the mail as its input', () => {
    expect(emailInbound.startsConversation?.(config({}))).toEqual(['email']);
    const input = { channel: 'email', from: 'ana@example.com', email: { subject: 'Hola' } };
    const run = runFragment(emailInbound, {}, { input });
    expect(run.port).toBe('next');
    expect(run.output).toEqual(input);
  });
});
