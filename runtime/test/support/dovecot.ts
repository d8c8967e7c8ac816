import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { freePort } from '../../src/temporal-server/free-port.ts';

export interface Dovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Puts a mail in the mailbox (IMAP APPEND), unseen, as the MTA's delivery would. */
  deliver(raw: string | Buffer): Promise<void>;
  /** The flags of every mail in the mailbox, oldest first. */
  flags(): Promise<string[][]>;
  stop(): Promise<void>;
}

/**
 * Debian's dovecot with a config of its own in a temp folder: IMAP on a free loopback port, one
 * user from a passwd-file, mail in a temp maildir. Run as the current user; as root, the mail is
 * owned by `nobody` since dovecot refuses to serve mail as root. Stopped by its PID.
 */
export async function startDovecot(): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'omniflow-dovecot-'));
  // dovecot's auth process runs as its own user and must reach the passwd-file.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const user = 'ayuda@omniflow.test';
  const password = 'buzon-secreto';
  const me = userInfo();
  const root = me.uid === 0;
  const uid = root ? 65534 : me.uid;
  const gid = root ? 65534 : me.gid;
  const mail = join(dir, 'mail');
  mkdirSync(join(dir, 'run'), { recursive: true });
  mkdirSync(mail);
  if (root) chownSync(mail, uid, gid);
  writeFileSync(join(dir, 'users'), `${user}:{PLAIN}${password}:${uid}:${gid}::${join(mail, user)}\n`);
  writeFileSync(
    join(dir, 'dovecot.conf'),
    [
      `base_dir = ${join(dir, 'run')}`,
      `state_dir = ${join(dir, 'run')}`,
      `instance_name = omniflow-${port}`,
      'protocols = imap',
      'listen = 127.0.0.1',
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      `log_path = ${join(dir, 'dovecot.log')}`,
      `mail_location = maildir:${mail}/%u`,
      'first_valid_uid = 1',
      ...(root ? [] : [`default_internal_user = ${me.username}`, `default_login_user = ${me.username}`]),
      `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${join(dir, 'users')}\n}`,
      `userdb {\n  driver = passwd-file\n  args = username_format=%u ${join(dir, 'users')}\n}`,
      `service imap-login {\n  chroot =\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
      'service anvil {\n  chroot =\n}',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('dovecot', ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitForPort(port, child);

  const session = async <T>(work: (imap: ImapFlow) => Promise<T>): Promise<T> => {
    const imap = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user, pass: password },
      logger: false,
    });
    await imap.connect();
    try {
      return await work(imap);
    } finally {
      await imap.logout();
    }
  };
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    deliver: (raw) => session(async (imap) => void (await imap.append('INBOX', raw, []))),
    flags: () =>
      session(async (imap) => {
        const lock = await imap.getMailboxLock('INBOX');
        try {
          const all: string[][] = [];
          for await (const m of imap.fetch('1:*', { flags: true })) all.push([...(m.flags ?? [])]);
          return all;
        } finally {
          lock.release();
        }
      }).catch(() => []),
    async stop() {
      child.kill('SIGTERM');
      await exited;
      if (!process.env.OMNIFLOW_KEEP_DOVECOT) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, child: ChildProcess) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dovecot exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`dovecot did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
