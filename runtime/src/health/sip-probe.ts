import { errorText, type HealthProbe, type HealthReading } from './health-reading.ts';
import { sipOptionsPing } from './sip-options-ping.ts';

export interface SipProbeTarget {
  /** Where the built-in endpoint listens (its bound port, not the configured 0). */
  endpoint: { host: string; port: number };
  /** OMNIFLOW_SIP_TRUNK: `host[:port][;transport=tcp]`. */
  trunk?: string;
}

/**
 * The built-in SIP endpoint, asked as a trunk would ask it (OPTIONS, which it answers 200), and
 * the trunk its transfers go to, asked the same: two components, `sip` and `sip-trunk`.
 */
export function sipProbe(target: SipProbeTarget, timeoutMs = 3_000): HealthProbe {
  const ask = async (component: string, kind: string, run: () => Promise<string>): Promise<HealthReading> => {
    try {
      await run();
      return { workspaceId: null, component, kind, up: true };
    } catch (error) {
      return { workspaceId: null, component, kind, up: false, error: errorText(error) };
    }
  };
  return async () => {
    const host = target.endpoint.host === '0.0.0.0' ? '127.0.0.1' : target.endpoint.host;
    const readings = [ask('sip', 'sip', () => sipOptionsPing(host, target.endpoint.port, 'udp', timeoutMs))];
    if (target.trunk) {
      const trunk = parseTrunk(target.trunk);
      readings.push(
        ask('sip-trunk', 'sip', () => sipOptionsPing(trunk.host, trunk.port, trunk.transport, timeoutMs)),
      );
    }
    return Promise.all(readings);
  };
}

export function parseTrunk(text: string): { host: string; port: number; transport: 'udp' | 'tcp' } {
  const [address = '', ...params] = text.split(';');
  const transport = params.some((p) => p.trim().toLowerCase() === 'transport=tcp') ? 'tcp' : 'udp';
  const match = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(address.trim());
  return { host: match?.[1] ?? address, port: match?.[2] ? Number(match[2]) : 5060, transport };
}
