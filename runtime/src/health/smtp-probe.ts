import { eq } from 'drizzle-orm';
import { credentials, type Db } from '@omniflow/db';
import { errorText, type HealthProbe } from './health-reading.ts';
import { readGreeting } from './tcp-greeting.ts';

/**
 * Each workspace's saved SMTP server: reachable when it answers a connection with a `220`
 * greeting. TLS-from-the-first-byte servers (465) greet only after the handshake, so for them a
 * completed TCP connection counts (the handshake is the driver's business at send time).
 */
export function smtpProbe(db: Db, timeoutMs = 5_000): HealthProbe {
  return async () => {
    const rows = await db
      .select({ workspaceId: credentials.workspaceId, config: credentials.config })
      .from(credentials)
      .where(eq(credentials.provider, 'smtp'));
    return Promise.all(
      rows.map(async ({ workspaceId, config }) => {
        const host = String(config.host ?? '');
        const port = Number(config.port ?? 587);
        const base = { workspaceId, component: 'email', kind: 'smtp' };
        try {
          if (config.security === 'tls') await readGreeting(host, port, timeoutMs).catch(tlsConnected);
          else {
            const greeting = await readGreeting(host, port, timeoutMs);
            if (!greeting.startsWith('220')) throw new Error(`${host}:${port} answered "${greeting}"`);
          }
          return { ...base, up: true };
        } catch (error) {
          return { ...base, up: false, error: errorText(error) };
        }
      }),
    );
  };
}

// A TLS server waits for our ClientHello and so never greets in clear: only a refused or
// unreachable connection is an error there.
function tlsConnected(error: Error) {
  if (/did not greet/.test(error.message)) return '';
  throw error;
}
