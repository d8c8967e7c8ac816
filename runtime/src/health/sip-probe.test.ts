import { createSocket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SipVoiceDriver } from '@omniflow/nodes/drivers/voice';
import { parseTrunk, sipProbe } from './sip-probe.ts';

/** A UDP port with nobody answering SIP on it: a trunk that is down. */
async function silentPort(): Promise<{ port: number; close: () => void }> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { port: socket.address().port, close: () => socket.close() };
}

describe('the SIP health probe against the real built-in endpoint', () => {
  let driver: SipVoiceDriver;
  let silent: Awaited<ReturnType<typeof silentPort>>;

  beforeAll(async () => {
    driver = new SipVoiceDriver({ port: 0, rtpPortMin: 44000, rtpPortMax: 44099 });
    await driver.start();
    silent = await silentPort();
  });
  afterAll(async () => {
    silent?.close();
    await driver?.stop();
  });

  it('sees the endpoint listening (it answers OPTIONS) and a silent trunk unreachable', async () => {
    const probe = sipProbe(
      { endpoint: { host: '127.0.0.1', port: driver.port }, trunk: `127.0.0.1:${silent.port}` },
      500,
    );
    expect(await probe(new Date())).toEqual([
      { workspaceId: null, component: 'sip', kind: 'sip', up: true },
      {
        workspaceId: null,
        component: 'sip-trunk',
        kind: 'sip',
        up: false,
        error: `no SIP answer from 127.0.0.1:${silent.port}/udp within 0.5 s`,
      },
    ]);
  });

  it('sees the endpoint down once it stops', async () => {
    const stopped = new SipVoiceDriver({ port: 0, rtpPortMin: 44100, rtpPortMax: 44199 });
    await stopped.start();
    const port = stopped.port;
    await stopped.stop();
    const [sip] = await sipProbe({ endpoint: { host: '127.0.0.1', port } }, 500)(new Date());
    expect(sip).toMatchObject({ component: 'sip', up: false });
  });

  it('reads a trunk as host, port and transport', () => {
    expect(parseTrunk('pbx.example.com')).toEqual({ host: 'pbx.example.com', port: 5060, transport: 'udp' });
    expect(parseTrunk('10.0.0.5:5080;transport=tcp')).toEqual({
      host: '10.0.0.5',
      port: 5080,
      transport: 'tcp',
    });
    expect(parseTrunk('[::1]:5062')).toEqual({ host: '::1', port: 5062, transport: 'udp' });
  });
});
