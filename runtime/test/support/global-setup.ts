import type { TestProject } from 'vitest/node';
import { startDevServer, type DevServer } from '../../src/temporal-server/dev-server.ts';
import { findTemporalTestServer } from '../../src/temporal-server/temporal-binaries.ts';

/**
 * Runs once per `vitest run`: one Temporal dev server (in memory) shared by all test files, unless
 * TEMPORAL_ADDRESS points at one already. Test files get its address, the time-skipping test
 * server binary and the PostgreSQL URL through `inject()` (see ./provided.d.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: DevServer | undefined;
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (!temporalAddress) {
    const started = Date.now();
    const output: string[] = [];
    server = await startDevServer({
      log: (line) => {
        output.push(line);
        if (output.length > 200) output.shift();
        if (process.env.OMNIFLOW_TEST_TEMPORAL_LOG) console.error(`[temporal] ${line}`);
      },
    });
    temporalAddress = server.address;
    console.log(`Temporal dev server for tests: ${temporalAddress} (ready in ${Date.now() - started} ms)`);
  }
  project.provide('temporalAddress', temporalAddress);
  project.provide('testServerPath', findTemporalTestServer() ?? '');
  project.provide('postgresUrl', process.env.OMNIFLOW_TEST_DATABASE_URL ?? '');

  return async () => {
    await server?.stop();
  };
}
