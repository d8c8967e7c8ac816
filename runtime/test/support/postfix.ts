import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../src/temporal-server/free-port.ts';

const run = promisify(execFile);

/** Whether this machine can run a standalone Debian postfix (installed, and we are root). */
export const postfixAvailable = () =>
  process.getuid?.() === 0 && existsSync('/usr/sbin/postfix') && existsSync('/etc/postfix/master.cf');

export interface Postfix {
  /** Where postfix's smtpd listens on 127.0.0.1. */
  port: number;
  /** postfix's own log, for a failing test to show. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * A postfix of its own (config, queue and data directories in a temp dir) listening on a free
 * loopback port, relaying mail for each domain in `routes` to `[127.0.0.1]:port` and delivering
 * nothing locally; no DNS. Needs root (postfix's master runs as root and drops to `postfix`).
 */
export async function startPostfix(routes: Record<string, number>): Promise<Postfix> {
  const dir = mkdtempSync(join(tmpdir(), 'omniflow-postfix-'));
  // The postfix user must reach its queue below this directory.
  chmodSync(dir, 0o755);
  const conf = join(dir, 'conf');
  const data = join(dir, 'data');
  mkdirSync(conf);
  mkdirSync(join(dir, 'queue'));
  mkdirSync(data);
  const uid = Number(execFileSync('id', ['-u', 'postfix']).toString());
  chownSync(data, uid, 0);
  const port = await freePort();
  writeFileSync(
    join(conf, 'transport'),
    Object.entries(routes)
      .map(([domain, to]) => `${domain} smtp:[127.0.0.1]:${to}\n`)
      .join(''),
  );
  writeFileSync(
    join(conf, 'main.cf'),
    [
      'compatibility_level = 3.6',
      `queue_directory = ${join(dir, 'queue')}`,
      `data_directory = ${data}`,
      'mail_owner = postfix',
      'myhostname = mx.omniflow.test',
      'mydomain = omniflow.test',
      'myorigin = $myhostname',
      'mydestination =',
      'local_transport = error:no local delivery',
      'inet_interfaces = loopback-only',
      'inet_protocols = ipv4',
      'mynetworks = 127.0.0.0/8',
      'smtpd_relay_restrictions = permit_mynetworks, reject',
      `transport_maps = texthash:${join(conf, 'transport')}`,
      'smtp_dns_support_level = disabled',
      'smtp_tls_security_level = none',
      `maillog_file_prefixes = ${dir}`,
      `maillog_file = ${join(dir, 'maillog')}`,
      '',
    ].join('\n'),
  );
  // Debian's master.cf with smtpd on our port and no chroot (the chroot would need copies of
  // /etc files inside the queue directory).
  const master = readFileSync('/etc/postfix/master.cf', 'utf8')
    .split('\n')
    .map((line) => {
      if (/^smtp\s+inet\s/.test(line)) return `127.0.0.1:${port} inet n - n - - smtpd`;
      const fields = line.split(/\s+/);
      if (/^[a-z]/.test(line) && fields.length >= 8 && fields[4] === 'y') {
        fields[4] = 'n';
        return fields.join(' ');
      }
      return line;
    })
    .join('\n');
  writeFileSync(join(conf, 'master.cf'), master);
  const log = () => (existsSync(join(dir, 'maillog')) ? readFileSync(join(dir, 'maillog'), 'utf8') : '');
  await run('postfix', ['-c', conf, 'start']);
  await listening(port, log);
  return {
    port,
    log,
    async stop() {
      await run('postfix', ['-c', conf, 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until something accepts connections on the port. */
async function listening(port: number, log: () => string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) return;
    if (Date.now() > deadline) throw new Error(`postfix did not listen on ${port}:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
