import { createServer } from 'node:net';

/** A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it unless `port` is given). */
export function freePort(host = '127.0.0.1', port = 0): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close((error) =>
        error ? reject(error) : port ? resolvePort(port) : reject(new Error('no port assigned')),
      );
    });
  });
}

/**
 * A free port below 32768: Temporal's server keeps its membership ports in a PostgreSQL smallint,
 * and the OS's ephemeral ports are above it.
 */
export async function freeLowPort(host = '127.0.0.1'): Promise<number> {
  for (let tries = 0; tries < 200; tries++) {
    const candidate = 20_000 + Math.floor(Math.random() * 12_000);
    const port = await freePort(host, candidate).catch(() => undefined);
    if (port) return port;
  }
  throw new Error('No free port below 32768');
}
