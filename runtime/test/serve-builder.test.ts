import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/api/create-app.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

describe('serving the builder app', () => {
  const dist = mkdtempSync(join(tmpdir(), 'builder-dist-'));
  let omni: TestOmniflow;
  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><div id="root"></div><script src="/assets/app.js"></script>',
    );
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("builder")');
    omni = await startTestOmniflow({ worker: false, builderDir: dist });
  });
  afterAll(async () => {
    await omni.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves the app at / and for its own routes, its assets, and still 404s unknown API paths', async () => {
    const home = await omni.app.request('/');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<div id="root">');
    expect(await (await omni.app.request('/flows/123')).text()).toContain('<div id="root">');
    const asset = await omni.app.request('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(await asset.text()).toContain('builder');
    expect((await omni.app.request('/assets/missing.js')).status).toBe(404);
    const api = await omni.call('GET', '/api/v1/nothing');
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('NOT_FOUND');
  });

  it('says plainly at / that the web app is not built, and how to build it, when builder/dist is missing', async () => {
    const bare = createApp({ ...omni.deps, builderDir: join(dist, 'not-built') });
    const home = await bare.request('/');
    expect(home.status).toBe(200);
    const page = await home.text();
    expect(page).toContain('web app is not built');
    expect(page).toContain('npm run build');
    expect(page).not.toMatch(/coming|en camino/);
  });
});
