/** What went wrong talking to an IMAP server, in words an admin can act on. */
export interface ImapProblem {
  code:
    | 'IMAP_AUTH_FAILED'
    | 'IMAP_HOST_UNKNOWN'
    | 'IMAP_UNREACHABLE'
    | 'IMAP_TIMEOUT'
    | 'IMAP_TLS_FAILED'
    | 'IMAP_FOLDER_MISSING'
    | 'IMAP_CONNECTION';
  message: string;
}

const field = (error: unknown, name: string): unknown =>
  typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;

/**
 * Sorts an imapflow or socket error into the few causes a person can fix (user or password, host
 * name, port or firewall, TLS setting, folder name), keeping the server's own words where it gave
 * some.
 */
export function imapProblemOf(
  error: unknown,
  account: { host: string; port: number; folder?: string },
): ImapProblem {
  const message = error instanceof Error ? error.message : String(error);
  const serverText = field(error, 'responseText');
  const said = typeof serverText === 'string' && serverText ? ` (the server said: ${serverText})` : '';
  const code = field(error, 'code');
  const where = `${account.host}:${account.port}`;
  if (
    field(error, 'authenticationFailed') === true ||
    field(error, 'serverResponseCode') === 'AUTHENTICATIONFAILED'
  )
    return {
      code: 'IMAP_AUTH_FAILED',
      message: `${where} refused the user name or password${said}. Check both, and whether the provider wants an app password.`,
    };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return { code: 'IMAP_HOST_UNKNOWN', message: `No server is named ${account.host}: check the host name.` };
  if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ECONNRESET')
    return {
      code: 'IMAP_UNREACHABLE',
      message: `Nothing answered at ${where}: check the port (993 for TLS, 143 for STARTTLS) and that this server may reach it.`,
    };
  if (
    code === 'GREETING_TIMEOUT' ||
    code === 'ETIMEDOUT' ||
    code === 'CONNECT_TIMEOUT' ||
    /timed? ?out/i.test(message)
  )
    return {
      code: 'IMAP_TIMEOUT',
      message: `${where} did not answer in time: check the port and the security setting (TLS on 993, STARTTLS on 143).`,
    };
  if (
    field(error, 'tlsFailed') === true ||
    /ssl|tls|certificate|self[- ]signed|wrong version number/i.test(message)
  )
    return {
      code: 'IMAP_TLS_FAILED',
      message: `The secure connection to ${where} failed (${message}): check the security setting for this port.`,
    };
  if (
    field(error, 'serverResponseCode') === 'NONEXISTENT' ||
    /mailbox doesn't exist|nonexistent|no such mailbox/i.test(`${message} ${String(serverText ?? '')}`)
  )
    return {
      code: 'IMAP_FOLDER_MISSING',
      message: `The mailbox has no folder named ${account.folder ?? 'INBOX'}${said}: check the folder name.`,
    };
  return { code: 'IMAP_CONNECTION', message: `Could not read the mailbox at ${where}: ${message}${said}` };
}
