import { spawn, type ChildProcess } from 'node:child_process';
import { Resolver } from 'node:dns/promises';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/temporal-server/free-port.ts';

export const dnsmasqBinary = '/usr/sbin/dnsmasq';
export const hasDnsmasq = existsSync(dnsmasqBinary);

export interface LocalDns {
  /** `127.0.0.1:<port>`, for Resolver#setServers and OMNIFLOW_DNS_SERVERS. */
  server: string;
  stop(): Promise<void>;
}

/**
 * A real DNS server on a loopback port answering only what `lines` say (dnsmasq config:
 * `txt-record=`, `mx-host=`, `host-record=`, `local=/test/` for NXDOMAIN elsewhere). It never
 * asks another server. Resolves once it answers a query.
 */
export async function startDnsmasq(lines: string[]): Promise<LocalDns> {
  const dir = mkdtempSync(join(tmpdir(), 'omniflow-dnsmasq-'));
  const conf = join(dir, 'dnsmasq.conf');
  writeFileSync(conf, `${lines.join('\n')}\n`);
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn(
      dnsmasqBinary,
      [
        '--keep-in-foreground',
        '--no-resolv',
        '--no-hosts',
        '--no-poll',
        `--port=${port}`,
        '--listen-address=127.0.0.1',
        '--bind-interfaces',
        `--conf-file=${conf}`,
        '--pid-file=',
        '--log-facility=-',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const server = `127.0.0.1:${port}`;
    const ready = await Promise.race([answers(server), exited.then(() => false)]);
    if (ready) return { server, stop: () => stop(child, exited, dir) };
    await stop(child, exited, dir, false);
    // The port may have been taken between freePort and dnsmasq's bind: try another.
    if (attempt >= 3) throw new Error(`dnsmasq did not start: ${stderr.trim()}`);
  }
}

/** Asks until the server answers (any answer, NXDOMAIN included): no fixed wait. */
async function answers(server: string): Promise<boolean> {
  const resolver = new Resolver({ timeout: 200, tries: 1 });
  resolver.setServers([server]);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      await resolver.resolveTxt('ready.invalid');
      return true;
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? error.code : undefined;
      if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'EREFUSED') return true;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

async function stop(child: ChildProcess, exited: Promise<unknown>, dir: string, clean = true) {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await exited;
  if (clean) rmSync(dir, { recursive: true, force: true });
}
