import type { NodemailerError } from 'nodemailer';
import { NodeError } from '../../sdk/node-error.ts';

/** What an SMTP failure said, kept on the error so the message row shows the server's words. */
export interface SmtpFailureDetails {
  /** The reply code (550), when the server answered. */
  smtpCode?: number;
  /** RFC 3463 enhanced status (5.1.1), when the reply carried one. */
  enhancedStatus?: string;
  /** The server's whole reply line. */
  response?: string;
  /** The command it answered (RCPT TO, DATA). */
  command?: string;
  /** `hard`: the address does not exist, so it is suppressed (RFC 3463 §3.2, X.1.X). */
  bounce?: 'hard';
}

// Failures that end the connection rather than refuse the mail: the same mail can go through later.
const connectionCodes = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EPROXY',
  'EMAXLIMIT',
  'EABORT',
]);

function isNodemailerError(error: unknown): error is NodemailerError {
  return error instanceof Error;
}

/**
 * The NodeError for an SMTP failure. RFC 5321 §4.2.1: 4yz replies are transient (retried), 5yz
 * permanent (failed with the server's code and text, never retried); a 5.1.x enhanced status
 * (RFC 3463 §3.2: bad destination address) is a hard bounce.
 */
export function smtpFailure(error: unknown, server: string, recipient: string): NodeError {
  if (!isNodemailerError(error)) {
    return new NodeError('EMAIL_SEND_FAILED', `Sending through ${server} failed: ${String(error)}`);
  }
  const code = error.code;
  const responseCode = error.responseCode;
  if (responseCode !== undefined) {
    const response = (error.response ?? error.message).trim();
    const enhancedStatus = /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\b/.exec(response)?.[1];
    const details: SmtpFailureDetails = {
      smtpCode: responseCode,
      ...(enhancedStatus ? { enhancedStatus } : {}),
      response,
      ...(error.command ? { command: error.command } : {}),
    };
    const permanent = error.permanent ?? (responseCode >= 500 && responseCode !== 503);
    if (code === 'EAUTH') {
      return new NodeError(
        'CHANNEL_AUTH_FAILED',
        `${server} refused the SMTP login: ${response}. Check the user and password in Settings → Channels`,
        !permanent,
        details,
      );
    }
    if (!permanent) {
      return new NodeError(
        'EMAIL_DEFERRED',
        `${server} deferred the mail to ${recipient} (it will be tried again): ${response}`,
        true,
        details,
      );
    }
    if (enhancedStatus?.startsWith('5.1.')) {
      return new NodeError(
        'EMAIL_BOUNCED',
        `${server} says ${recipient} does not exist: ${response}`,
        false,
        { ...details, bounce: 'hard' },
      );
    }
    return new NodeError(
      'EMAIL_REJECTED',
      `${server} refused the mail to ${recipient}: ${response}`,
      false,
      details,
    );
  }
  if (code === 'ENOAUTH') {
    return new NodeError(
      'CHANNEL_AUTH_FAILED',
      `${server} needs a login: set the user and password in Settings → Channels`,
      false,
    );
  }
  if (code !== undefined && connectionCodes.has(code)) {
    return new NodeError(
      'EMAIL_SERVER_UNAVAILABLE',
      `Could not reach ${server} (${error.originalCode ?? code}): ${error.message}`,
      true,
    );
  }
  if (code === 'EENVELOPE' || code === 'EMAXRECIPIENTS' || code === 'ECONFIG' || code === 'EFILEACCESS') {
    return new NodeError('EMAIL_INVALID', `The mail to ${recipient} cannot be sent: ${error.message}`, false);
  }
  return new NodeError('EMAIL_SEND_FAILED', `Sending through ${server} failed: ${error.message}`);
}
