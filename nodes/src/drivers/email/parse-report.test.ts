import { describe, expect, it } from 'vitest';
import { parseMail } from './parse-mail.ts';
import { parseMailReport } from './parse-report.ts';

const report = (reportType: string, parts: string[]) =>
  [
    'From: MAILER-DAEMON@mx.example.org (Mail Delivery System)',
    'To: bounces@omniflow.test',
    'Subject: Undelivered Mail Returned to Sender',
    'Message-ID: <report-1@mx.example.org>',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=${reportType};`,
    '\tboundary="B1"',
    '',
    ...parts.flatMap((part) => ['--B1', part]),
    '--B1--',
    '',
  ].join('\r\n');

const human = 'Content-Type: text/plain; charset=us-ascii\r\n\r\nYour message could not be delivered.\r\n';
const returned = (type = 'message/rfc822') =>
  `Content-Type: ${type}\r\n\r\nMessage-ID: <out-1@omniflow.test>\r\nFrom: news@omniflow.test\r\nTo: Nobody <Nobody@refuse.test>\r\nSubject: Boletín\r\n\r\nHola\r\n`;
const status = (...recipients: string[]) =>
  [
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.org',
    'Arrival-Date: Sun,  6 Dec 2026 18:55:45 +0000 (UTC)',
    '',
    recipients.join('\r\n\r\n'),
    '',
  ].join('\r\n');

const readReport = async (raw: string) => parseMailReport((await parseMail(raw)).parsed);

describe('parseMailReport', () => {
  it('reads a DSN for an unknown user as a hard bounce with its code, diagnostic and original mail', async () => {
    const dsn = await readReport(
      report('delivery-status', [
        human,
        status(
          [
            'Final-Recipient: rfc822; Nobody@refuse.test',
            'Original-Recipient: rfc822;Nobody@refuse.test',
            'Action: failed',
            'Status: 5.1.1',
            'Remote-MTA: dns; 127.0.0.1',
            'Diagnostic-Code: smtp; 550 5.1.1 <nobody@refuse.test>: Recipient address',
            '    rejected: User unknown',
          ].join('\r\n'),
        ),
        returned(),
      ]),
    );
    expect(dsn).toEqual({
      type: 'dsn',
      reportingMta: 'mx.example.org',
      reportId: 'report-1@mx.example.org',
      originalMessageId: 'out-1@omniflow.test',
      recipients: [
        {
          address: 'nobody@refuse.test',
          action: 'failed',
          status: '5.1.1',
          kind: 'hard',
          permanent: true,
          diagnostic: '550 5.1.1 <nobody@refuse.test>: Recipient address rejected: User unknown',
          remoteMta: '127.0.0.1',
        },
      ],
    });
  });

  it('tells a delay and a policy refusal (soft) from a dead mailbox, and skips delivered recipients', async () => {
    const dsn = await readReport(
      report('delivery-status', [
        human,
        status(
          'Final-Recipient: rfc822; full@example.org\r\nAction: delayed\r\nStatus: 4.2.2\r\nDiagnostic-Code: smtp; 452 4.2.2 Mailbox full',
          'Final-Recipient: rfc822; blocked@example.org\r\nAction: failed\r\nStatus: 5.7.1\r\nDiagnostic-Code: smtp; 550 5.7.1 Message rejected as spam',
          'Final-Recipient: rfc822; fine@example.org\r\nAction: delivered\r\nStatus: 2.0.0',
          'Final-Recipient: rfc822; gone@example.org\r\nAction: failed\r\nDiagnostic-Code: smtp; 550 No such user',
        ),
        returned('text/rfc822-headers'),
      ]),
    );
    expect(dsn?.type).toBe('dsn');
    expect(dsn?.originalMessageId).toBe('out-1@omniflow.test');
    expect(
      dsn?.type === 'dsn' && dsn.recipients.map((r) => [r.address, r.status, r.kind, r.permanent]),
    ).toEqual([
      ['full@example.org', '4.2.2', 'soft', false],
      ['blocked@example.org', '5.7.1', 'soft', true],
      ['gone@example.org', '5.0.0', 'soft', true],
    ]);
  });

  it('reads an ARF complaint: feedback type, who complained, the original mail', async () => {
    const arf = await readReport(
      report('feedback-report', [
        human,
        [
          'Content-Type: message/feedback-report',
          '',
          'Feedback-Type: abuse',
          'User-Agent: SomeGenerator/1.0',
          'Version: 1',
          'Original-Mail-From: <bounces@omniflow.test>',
          'Original-Rcpt-To: <Ana@Example.org>',
          'Arrival-Date: Thu, 8 Mar 2026 14:00:00 EDT',
          'Source-IP: 192.0.2.1',
          '',
        ].join('\r\n'),
        returned(),
      ]),
    );
    expect(arf).toEqual({
      type: 'arf',
      feedbackType: 'abuse',
      userAgent: 'SomeGenerator/1.0',
      recipients: ['ana@example.org'],
      originalMailFrom: 'bounces@omniflow.test',
      originalMessageId: 'out-1@omniflow.test',
      arrivalDate: 'Thu, 8 Mar 2026 14:00:00 EDT',
      sourceIp: '192.0.2.1',
      reportId: 'report-1@mx.example.org',
    });
  });

  it('finds the complainer in the returned mail when the report names no Original-Rcpt-To', async () => {
    const arf = await readReport(
      report('feedback-report', [
        human,
        'Content-Type: message/feedback-report\r\n\r\nFeedback-Type: abuse\r\nUser-Agent: X/1\r\nVersion: 1\r\n',
        returned('text/rfc822-headers'),
      ]),
    );
    expect(arf).toMatchObject({ type: 'arf', recipients: ['nobody@refuse.test'] });
  });

  it('answers undefined for a plain mail and for a report with no status part', async () => {
    expect(
      await readReport('From: a@example.org\r\nTo: b@omniflow.test\r\nSubject: hi\r\n\r\nhello\r\n'),
    ).toBe(undefined);
    expect(await readReport(report('delivery-status', [human]))).toBe(undefined);
  });
});
