import { SmtpDriver } from '@omniflow/nodes/drivers/email';
import { SmtpSink } from '@omniflow/nodes/drivers/email/testing';
import { describe, expect, it } from 'vitest';
import { channelDriversFromEnv } from './channel-drivers.ts';
import { smtpSettingsFromEnv } from './smtp-env-settings.ts';

describe('SMTP account from the environment', () => {
  it('reads the account and sender from OMNIFLOW_SMTP_URL and OMNIFLOW_SMTP_FROM', () => {
    expect(smtpSettingsFromEnv('smtp://mailer:p%40ss@mail.example.org', 'Ayuda <ayuda@example.org>')).toEqual(
      {
        host: 'mail.example.org',
        port: 587,
        security: 'starttls',
        user: 'mailer',
        password: 'p@ss',
        fromAddress: 'ayuda@example.org',
        fromName: 'Ayuda',
      },
    );
    expect(smtpSettingsFromEnv('smtps://mail.example.org', 'ayuda@example.org')).toMatchObject({
      port: 465,
      security: 'tls',
      fromAddress: 'ayuda@example.org',
    });
    expect(
      smtpSettingsFromEnv('smtp://127.0.0.1:2525?security=none&maxConnections=3', 'a@b.test'),
    ).toMatchObject({
      port: 2525,
      security: 'none',
      maxConnections: 3,
    });
  });

  it('refuses settings it cannot use, saying what to write', () => {
    expect(() => smtpSettingsFromEnv('mail.example.org', 'a@b.test')).toThrow(
      /smtp:\/\/user:password@host:587/,
    );
    expect(() => smtpSettingsFromEnv('http://mail.example.org', 'a@b.test')).toThrow(
      /smtp:\/\/ or smtps:\/\//,
    );
    expect(() => smtpSettingsFromEnv('smtp://mail.example.org', undefined)).toThrow(/OMNIFLOW_SMTP_FROM/);
    expect(() => smtpSettingsFromEnv('smtp://h?security=ssl', 'a@b.test')).toThrow(/tls, starttls or none/);
  });

  it('sends email through the environment’s account when one is set, the sandbox otherwise', async () => {
    expect(channelDriversFromEnv({}).email).not.toBeInstanceOf(SmtpDriver);
    const sink = await SmtpSink.start();
    const { email } = channelDriversFromEnv({
      OMNIFLOW_SMTP_URL: `smtp://127.0.0.1:${sink.port}?security=none`,
      OMNIFLOW_SMTP_FROM: 'Avisos <avisos@omniflow.test>',
    });
    try {
      expect(email).toBeInstanceOf(SmtpDriver);
      await email!.send({ to: 'ana@example.org', text: 'Hola', idempotencyKey: 'env-1' });
      expect(sink.mailsTo('ana@example.org')[0]!.raw).toContain('From: Avisos <avisos@omniflow.test>');
    } finally {
      await email?.close?.();
      await sink.close();
    }
  });
});
