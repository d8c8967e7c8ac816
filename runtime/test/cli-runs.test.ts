import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from './support/serve-omniflow.ts';
import { CountingTarget } from './support/counting-target.ts';
import { notifyThenFlakyFlow } from './support/flows.ts';
import {
  eventually,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';

const exec = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/omniflow.mjs', import.meta.url));

describe('omniflow runs … (the CLI over the API)', () => {
  let omni: TestOmniflow;
  let target: CountingTarget;
  let server: Awaited<ReturnType<typeof listen>>;
  let env: NodeJS.ProcessEnv;
  let flowId: string;

  const cli = (...args: string[]) => exec(process.execPath, [bin, 'runs', ...args], { env });
  const failing = (...args: string[]) =>
    cli(...args).then(
      () => {
        throw new Error('expected the command to fail');
      },
      (e: { code: number; stderr: string }) => e,
    );

  beforeAll(async () => {
    target = await new CountingTarget().start();
    omni = await startTestOmniflow({ env: { OMNIFLOW_HTTP_ALLOW_PRIVATE: '1' } });
    server = await listen(omni.app);
    env = { ...process.env, OMNIFLOW_URL: server.url, OMNIFLOW_API_KEY: omni.apiKey };
    flowId = await publishFlow(omni, notifyThenFlakyFlow(target.url, 'CLI flow'));
    target.broken = true;
    for (const phone of ['600000001', '600000002', '600000003']) {
      const started = await omni.call('POST', '/api/v1/runs', { flowId, input: { phone } });
      await runReaches(omni, started.body.id, ['failed']);
    }
  });
  afterAll(async () => {
    await server?.close();
    await omni?.close();
    await target?.close();
  });

  it('lists, counts and shows runs', async () => {
    const list = await cli('list', '--flow', flowId, '--status', 'failed');
    expect(list.stdout.split('\n')[0]).toMatch(/^RUN\s+FLOW\s+V\s+STATUS/);
    expect(list.stdout.match(/CLI flow\s+1\s+failed\s+600000003\s+flaky/)).not.toBeNull();
    const json = JSON.parse((await cli('list', '--contact', '600000002', '--json')).stdout);
    expect(json.items).toHaveLength(1);
    const counts = await cli('counts', '--flow', flowId);
    expect(counts.stdout).toMatch(/failed\s+3/);
    const show = await cli('show', json.items[0].id);
    expect(show.stdout).toContain('flaky (http.request)');
    expect(show.stdout).toContain('✗ HTTP_503');
  }, 60_000);

  it('retries one run from its failed step and bulk-retries the rest with progress', async () => {
    target.broken = false;
    const [first] = JSON.parse((await cli('list', '--contact', '600000001', '--json')).stdout).items;
    const retried = await cli('retry', first.id);
    expect(retried.stdout).toContain('running again from step 3');
    await runReaches(omni, first.id, ['completed']);

    const bulk = await cli('bulk', 'retry', '--flow', flowId, '--status', 'failed', '--yes');
    expect(bulk.stdout).toContain('2 succeeded, 0 failed');
    expect(bulk.stderr).toContain('Bulk action: 2/2');
    await eventually(async () => {
      const counts = await omni.call('GET', `/api/v1/runs/counts?flowId=${flowId}`);
      return counts.body.counts.completed === 3 ? true : undefined;
    });
    expect(target.count('/notify')).toBe(3);
    const verify = await cli('verify', first.id);
    expect(verify.stdout).toContain('Deterministic');
  }, 120_000);

  it('explains bad input and a missing key, exiting non-zero', async () => {
    const badStatus = await failing('list', '--status', 'bogus');
    expect(badStatus.code).toBe(1);
    expect(badStatus.stderr).toContain('"bogus" is not a run status');
    const unconfirmed = await exec(process.execPath, [bin, 'runs', 'bulk', 'cancel'], { env }).catch(
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    // Nothing is running, so there is nothing to cancel and nothing to confirm.
    expect((unconfirmed as { stdout: string }).stdout).toContain('No runs match');
    const noKey = await exec(process.execPath, [bin, 'runs', 'list'], {
      env: { ...env, OMNIFLOW_API_KEY: '' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect((noKey as { stderr: string }).stderr).toContain('Set OMNIFLOW_API_KEY');
  }, 60_000);
});
