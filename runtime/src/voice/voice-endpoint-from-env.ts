import { Client, Connection } from '@temporalio/client';
import type { Db } from '@omniflow/db';
import type { NodeRegistry } from '@omniflow/nodes/sdk';
import { flowTaskQueue } from '../temporal/task-queue.ts';
import { startVoiceEndpoint, type VoiceEndpoint } from './start-voice-endpoint.ts';
import { voiceEndpointFromEnv } from './voice-endpoint-options.ts';
import { startProcessHealth } from '../health/process-health.ts';
import { sipProbe } from '../health/sip-probe.ts';

/**
 * What `omniflow worker` and `omniflow dev` run beside the flow worker: the SIP endpoint, only
 * when OMNIFLOW_SIP_ENABLED=1 (off by default: it binds UDP/TCP 5060 and answers whoever calls).
 */
export async function startVoiceEndpointFromEnv(options: {
  db: Db;
  address: string;
  registry: NodeRegistry;
  dataDir: string;
  env?: Record<string, string | undefined>;
}): Promise<VoiceEndpoint | undefined> {
  const env = options.env ?? process.env;
  const settings = voiceEndpointFromEnv(env, options.dataDir);
  if (!settings.enabled) return undefined;
  const connection = await Connection.connect({ address: options.address });
  const endpoint = await startVoiceEndpoint({
    db: options.db,
    temporal: new Client({ connection }),
    address: options.address,
    taskQueue: flowTaskQueue,
    registry: options.registry,
    env,
    settings,
  });
  console.log(`Voice: SIP endpoint on ${settings.sip.host ?? '127.0.0.1'}:${endpoint.driver.port}`);
  // Health samples of the endpoint and its trunk, asked with OPTIONS as a trunk would ask us.
  const health = startProcessHealth(
    options.db,
    [
      sipProbe({
        endpoint: { host: endpoint.driver.options.host, port: endpoint.driver.port },
        ...(endpoint.driver.options.trunk ? { trunk: endpoint.driver.options.trunk } : {}),
      }),
    ],
    env,
  );
  return {
    ...endpoint,
    async stop() {
      await health.stop();
      await endpoint.stop();
      await connection.close();
    },
  };
}
