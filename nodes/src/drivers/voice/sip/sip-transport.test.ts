import { createSocket } from 'node:dgram';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SipTransport } from './sip-transport.ts';

const options = (port: number) => ({
  host: '127.0.0.1',
  port,
  protocols: ['udp', 'tcp'] as ('udp' | 'tcp')[],
  onMessage: () => undefined,
  onError: () => undefined,
});

let holder: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (holder ? holder.close(() => resolve()) : resolve()));
  holder = undefined;
});

/** A TCP port another process holds. */
async function holdTcpPort(): Promise<number> {
  holder = createServer();
  await new Promise<void>((resolve) => holder!.listen(0, '127.0.0.1', resolve));
  return (holder.address() as { port: number }).port;
}

describe('SipTransport', () => {
  it('listens on one port number for UDP and TCP', async () => {
    const transport = new SipTransport(options(0));
    await transport.start();
    expect(transport.port).toBeGreaterThan(0);
    await transport.stop();
  });

  it('fails a configured port whose TCP side is taken, and lets its UDP side go', async () => {
    const port = await holdTcpPort();
    const transport = new SipTransport(options(port));
    await expect(transport.start()).rejects.toMatchObject({ code: 'EADDRINUSE' });
    // The UDP socket bound before the refusal is closed again.
    const udp = createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind(port, '127.0.0.1', () => resolve());
    });
    udp.close();
  });
});
