import { describe, expect, it } from 'vitest';
import { imapProblemOf } from './imap-problem.ts';

const account = { host: 'imap.example.org', port: 993, folder: 'Soporte' };
const failure = (message: string, extra: Record<string, unknown>) => Object.assign(new Error(message), extra);

describe('imapProblemOf', () => {
  it('says the user or password was refused, with the server’s words', () => {
    const problem = imapProblemOf(
      failure('Authentication failed.', { authenticationFailed: true, responseText: 'Invalid credentials' }),
      account,
    );
    expect(problem.code).toBe('IMAP_AUTH_FAILED');
    expect(problem.message).toMatch(
      /refused the user name or password \(the server said: Invalid credentials\)/,
    );
  });

  it('tells an unknown host from a closed port and a silent one', () => {
    expect(imapProblemOf(failure('getaddrinfo ENOTFOUND', { code: 'ENOTFOUND' }), account).code).toBe(
      'IMAP_HOST_UNKNOWN',
    );
    expect(imapProblemOf(failure('connect ECONNREFUSED', { code: 'ECONNREFUSED' }), account)).toMatchObject({
      code: 'IMAP_UNREACHABLE',
      message: expect.stringMatching(/check the port/),
    });
    expect(
      imapProblemOf(failure('Failed to receive greeting', { code: 'GREETING_TIMEOUT' }), account).code,
    ).toBe('IMAP_TIMEOUT');
  });

  it('points at the security setting when TLS fails, and at the folder name when it is missing', () => {
    expect(
      imapProblemOf(failure('Server does not support STARTTLS', { tlsFailed: true }), account).code,
    ).toBe('IMAP_TLS_FAILED');
    expect(imapProblemOf(failure('wrong version number', {}), account).code).toBe('IMAP_TLS_FAILED');
    const missing = imapProblemOf(failure('Command failed', { serverResponseCode: 'NONEXISTENT' }), account);
    expect(missing).toMatchObject({ code: 'IMAP_FOLDER_MISSING', message: expect.stringMatching(/Soporte/) });
  });

  it('keeps the message of anything else', () => {
    expect(imapProblemOf(new Error('Unexpected close'), account)).toEqual({
      code: 'IMAP_CONNECTION',
      message: 'Could not read the mailbox at imap.example.org:993: Unexpected close',
    });
  });
});
