import { benchAdmin, benchApp } from './bench-app.ts';
import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serve, type ServerType } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/support/browser.ts';
import { generateGraph } from './generate-graph.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface BuilderFigures {
  openMs: number;
  listMs: number;
  panFps: number;
  firstScreenJsKb: number;
  monacoInFirstScreen: boolean;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The builder's figures from issue #3, measured in Debian's chromium against the real API. */
export async function builderBenchmarks(temporalAddress: string): Promise<BuilderFigures> {
  const build = spawnSync(process.execPath, [`${root}/scripts/build-builder.mjs`], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('Building the builder failed');
  const connection = await Connection.connect({ address: temporalAddress });
  const { handle, app, key } = await benchApp(new Client({ connection }), {
    taskQueue: 'bench-builder',
    builderDir: `${root}/builder/dist`,
  });
  const admin = benchAdmin;
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const created = await app.request('/api/v1/flows', {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(generateGraph(500)),
  });
  const flowId = ((await created.json()) as { id: string }).id;

  const browser = await launchChromium();
  try {
    // First screen: every script a new visitor downloads before signing in, gzip-compressed.
    const fresh = await browser.newPage();
    const scripts: Buffer[] = [];
    let monaco = false;
    fresh.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      if (/monaco|editor\.main/i.test(response.url())) monaco = true;
      scripts.push(await response.body());
    });
    await fresh.goto(url);
    await fresh.getByLabel('Email').waitFor();
    await fresh.waitForLoadState('networkidle');
    const firstScreenJsKb = scripts.reduce((sum, body) => sum + gzipSync(body).length, 0) / 1024;

    await fresh.getByLabel('Email').fill(admin.OMNIFLOW_ADMIN_EMAIL);
    await fresh.getByLabel('Password').fill(admin.OMNIFLOW_ADMIN_PASSWORD);
    await fresh.getByRole('button', { name: /Sign in|Entrar/ }).click();
    await fresh.getByRole('heading', { name: /Flows|Flujos/ }).waitFor();
    const page: Page = fresh;

    const openTimes: number[] = [];
    const listTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      // Baseline: the flow list, the lightest screen, loaded the same way in the same run.
      await page.goto('about:blank');
      let started = performance.now();
      await page.goto(`${url}/#/flows`);
      await page.getByRole('heading', { name: /Flows|Flujos/ }).waitFor();
      listTimes.push(performance.now() - started);

      // Open the 500-node flow and click a node: interactive means the inspector answers.
      await page.goto('about:blank');
      started = performance.now();
      await page.goto(`${url}/#/flows/${flowId}`);
      const target = page.locator('.react-flow__node[data-id="start"]');
      await target.click();
      await page.getByText('ID start').waitFor();
      openTimes.push(performance.now() - started);
    }

    // Panning: frames the browser paints while the canvas is dragged for a second.
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    // In-page code as text: it runs in the browser, which this package's types do not describe.
    await page.evaluate(`(() => {
      window.__frames = 0;
      window.__counting = true;
      const tick = () => {
        if (!window.__counting) return;
        window.__frames++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    const panStart = performance.now();
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    await page.mouse.down();
    for (let step = 0; step < 60; step++) {
      await page.mouse.move(pane.x + pane.width / 2 - step * 8, pane.y + pane.height / 2 - step * 3);
    }
    await page.mouse.up();
    const panSeconds = (performance.now() - panStart) / 1000;
    const frames = Number(
      await page.evaluate('(() => { window.__counting = false; return window.__frames; })()'),
    );
    return {
      openMs: median(openTimes),
      listMs: median(listTimes),
      panFps: frames / panSeconds,
      firstScreenJsKb,
      monacoInFirstScreen: monaco,
    };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await connection.close();
    await handle.close();
  }
}
