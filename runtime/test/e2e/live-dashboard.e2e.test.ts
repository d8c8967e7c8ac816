import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, signIn, type BuilderSession } from '../support/builder-page.ts';
import { waitsForEventFlow } from '../support/flows.ts';
import { screenshot } from '../support/screenshot.ts';
import { eventually, publishFlow, runReaches } from '../support/test-omniflow.ts';
import { startHealthSampler, type HealthSampler } from '../../src/health/health-sampler.ts';
import { processProbe } from '../../src/health/process-probe.ts';
import { smtpProbe } from '../../src/health/smtp-probe.ts';

/** A loopback port nobody listens on: an SMTP server that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.skipIf(!hasChromium)('live dashboard in Chromium: a run finishing shows up without a reload', () => {
  let session: BuilderSession;
  let page: Page;
  let flowId: string;
  let sampler: HealthSampler;

  beforeAll(async () => {
    session = await openBuilder({ viewport: { width: 1440, height: 1000 } });
    page = session.page;
    const { omni } = session;
    flowId = await publishFlow(omni, waitsForEventFlow('Approval'));
    const saved = await omni.call('PUT', '/api/v1/channels/email', {
      provider: 'smtp',
      config: {
        host: '127.0.0.1',
        port: await closedPort(),
        security: 'none',
        fromAddress: 'help@example.test',
      },
      secrets: {},
    });
    expect(saved.status).toBe(200);
    // The samplers the API and worker processes run, here on the test's own database.
    sampler = startHealthSampler({
      db: omni.handle.db,
      intervalMs: 1_000,
      probes: [
        processProbe('api', async () => undefined),
        processProbe('worker', async () => undefined),
        smtpProbe(omni.handle.db, 1_000),
      ],
    });
    sampler.start();
  }, 180_000);
  afterAll(async () => {
    await sampler?.stop();
    await session?.close();
  });

  it('counts a run completed through the API within 2 s, pushed by the server', async () => {
    await page.goto(session.omni.url);
    await signIn(session);
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    const completed = page.getByTestId('runs-completed-value');
    await completed.waitFor();
    await expect.poll(() => page.getByTestId('dashboard-mode').textContent()).toContain('Live');
    // Marks this page: a reload would lose it.
    await page.evaluate(() => Object.assign(globalThis, { dashboardNotReloaded: true }));
    const before = Number(await completed.textContent());

    const started = await session.omni.call('POST', '/api/v1/runs', { flowId, input: {} });
    expect(started.status).toBe(201);
    await runReaches(session.omni, started.body.id, ['waiting']);
    await expect
      .poll(() => page.getByTestId('runs-started-value').textContent(), { timeout: 2_000 })
      .toBe(String(before + 1));
    const finished = await session.omni.call('POST', `/api/v1/runs/${started.body.id}/events`, {
      type: 'reply',
    });
    expect(finished.body.status).toBe('completed');
    const at = Date.now();
    await expect
      .poll(() => completed.textContent(), { timeout: 2_000, interval: 50 })
      .toBe(String(before + 1));
    const took = Date.now() - at;
    expect(took).toBeLessThan(2_000);
    console.log(`Live dashboard: a completed run reached the page in ${took} ms`);
    expect(
      await page.evaluate(() => (globalThis as { dashboardNotReloaded?: boolean }).dashboardNotReloaded),
    ).toBe(true);
  }, 60_000);

  it('lists channel health: the API up, the SMTP server unreachable with its error', async () => {
    const email = page.locator('[data-component="email"]');
    await email.waitFor();
    await expect.poll(() => email.textContent()).toContain('Down');
    expect(await email.textContent()).toMatch(/last error \d+ s ago: connect ECONNREFUSED 127\.0\.0\.1:\d+/);
    const api = page.locator('[data-component="api"]');
    await expect.poll(() => api.textContent()).toMatch(/Working.*last success \d+ s ago/);
    await eventually(async () => ((await page.locator('svg').count()) > 0 ? true : undefined));
    await screenshot(page, 'live-dashboard');
  }, 60_000);

  it('answers the same figures as a snapshot over the API', async () => {
    const snapshot = await session.omni.call('GET', '/api/v1/dashboard/live');
    expect(snapshot.status).toBe(200);
    expect(snapshot.body.runsPerMinute).toHaveLength(60);
    expect(snapshot.body.health.map((h: { component: string }) => h.component)).toEqual([
      'api',
      'worker',
      'email',
    ]);
  });
});
