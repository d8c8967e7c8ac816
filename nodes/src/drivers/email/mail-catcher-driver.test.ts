import { generateKeyPairSync } from 'node:crypto';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { StatusUpdate } from '../messaging/messaging-driver.ts';
import { MailCatcherDriver, type CaughtMail } from './mail-catcher-driver.ts';
import { parseMail } from './parse-mail.ts';

function catcher(options: Partial<ConstructorParameters<typeof MailCatcherDriver>[0]> = {}) {
  const kept: CaughtMail[] = [];
  const driver = new MailCatcherDriver({
    keep: async (mail) => void kept.push(mail),
    from: 'help@desk.example',
    ...options,
  });
  return { driver, kept };
}

describe('MailCatcherDriver', () => {
  it('keeps the whole MIME of the mail, which parses back to what the flow sent', async () => {
    const { driver, kept } = catcher();
    const sent = await driver.send({
      to: 'ana@example.org',
      text: 'Your ticket is open.',
      email: {
        subject: 'Re: Mi factura ñ',
        html: '<p>Your ticket is <b>open</b>.</p>',
        cc: ['boss@example.org'],
        fromName: 'Help desk',
        inReplyTo: 'first@example.org',
        references: ['first@example.org'],
        autoSubmitted: 'auto-replied',
        unsubscribeUrl: 'https://omniflow.example/u/abc',
      },
      idempotencyKey: 'run-1:reply:1',
    });
    expect(kept).toHaveLength(1);
    const mail = kept[0]!;
    expect(sent).toEqual({ providerMessageId: mail.messageId, segments: 1 });
    expect(mail.messageId).toMatch(/^of\.[0-9a-f]{32}@desk\.example$/);
    expect(mail.raw).toContain('\r\n');
    const parsed = await simpleParser(mail.raw);
    expect(parsed.subject).toBe('Re: Mi factura ñ');
    expect(parsed.text?.trim()).toBe('Your ticket is open.');
    expect(parsed.html).toContain('<b>open</b>');
    expect(parsed.from?.value[0]).toEqual({ address: 'help@desk.example', name: 'Help desk' });
    expect(parsed.messageId).toBe(`<${mail.messageId}>`);
    expect(parsed.inReplyTo).toBe('<first@example.org>');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
    const header = (name: string) => parsed.headerLines.find((h) => h.key === name)?.line;
    expect(header('list-unsubscribe')).toBe('List-Unsubscribe: <https://omniflow.example/u/abc>');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.to).toEqual(['ana@example.org', 'boss@example.org']);
    // What the receiving side makes of it is what the flow wrote.
    const { messages } = await parseMail(mail.raw);
    expect(messages[0]).toMatchObject({ from: 'help@desk.example', to: 'ana@example.org' });
  });

  it('keeps a mail once per idempotency key, with the same Message-ID', async () => {
    const { driver, kept } = catcher();
    const message = { to: 'ana@example.org', text: 'Hi', idempotencyKey: 'run-2:n:1' };
    const [a, b] = await Promise.all([driver.send(message), driver.send(message)]);
    const c = await driver.send(message);
    expect(kept).toHaveLength(1);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    // A new driver (a restarted worker) builds the same mail for the key.
    const again = catcher();
    expect(await again.driver.send(message)).toEqual(a);
  });

  it('reports each mail delivered, as the other sandboxes do', async () => {
    const { driver } = catcher();
    const updates: StatusUpdate[] = [];
    const delivered = new Promise<void>((resolve) =>
      driver.onStatus((update) => {
        updates.push(update);
        resolve();
      }),
    );
    const sent = await driver.send({ to: 'ana@example.org', text: 'Hi', idempotencyKey: 'k3' });
    await delivered;
    expect(updates[0]).toMatchObject({ providerMessageId: sent.providerMessageId, status: 'delivered' });
  });

  it('signs with the domain’s DKIM key, covering From, Subject and the unsubscribe headers', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const record = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
    const { driver, kept } = catcher({
      dkimKey: async (domain) =>
        domain === 'desk.example'
          ? {
              domainName: domain,
              keySelector: 'omni',
              privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
            }
          : undefined,
    });
    await driver.send({
      to: 'ana@example.org',
      text: 'News',
      email: { subject: 'Monthly news', marketing: true, unsubscribeUrl: 'https://o.example/u/1' },
      idempotencyKey: 'k4',
    });
    const result = await dkimVerify(kept[0]!.raw, {
      resolver: async (name: string, type: string) => {
        if (name === 'omni._domainkey.desk.example' && type === 'TXT') return [[record]];
        throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      },
    });
    const signature = result.results[0]!;
    expect(signature.status.result).toBe('pass');
    const dkimHeader = (await simpleParser(kept[0]!.raw)).headerLines.find(
      (h) => h.key === 'dkim-signature',
    )!.line;
    const signed = /\bh=([^;]+)/.exec(dkimHeader.replace(/\s+/g, ''))![1]!.toLowerCase().split(':');
    expect(signed).toEqual(
      expect.arrayContaining(['from', 'subject', 'list-unsubscribe', 'list-unsubscribe-post']),
    );
  });

  it('refuses an empty mail for good, without keeping it', async () => {
    const { driver, kept } = catcher();
    await expect(driver.send({ to: 'ana@example.org', idempotencyKey: 'k5' })).rejects.toMatchObject({
      code: 'EMAIL_EMPTY',
      retryable: false,
    });
    expect(kept).toHaveLength(0);
  });

  it('tries a send again when keeping the mail failed', async () => {
    let fail = true;
    const kept: CaughtMail[] = [];
    const driver = new MailCatcherDriver({
      keep: async (mail) => {
        if (fail) throw new Error('database away');
        kept.push(mail);
      },
    });
    const message = { to: 'ana@example.org', text: 'Hi', idempotencyKey: 'k6' };
    await expect(driver.send(message)).rejects.toThrow('database away');
    fail = false;
    await driver.send(message);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.from).toBe('omniflow@localhost');
  });
});
