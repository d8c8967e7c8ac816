import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenApi, type ListeningApi } from '../../src/server/listen-api.ts';
import { tlsSettingsFromEnv } from '../../src/server/tls-settings.ts';
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { screenshot } from '../support/screenshot.ts';
import { selfSignedCertificate } from '../support/self-signed-cert.ts';
import { buildBuilder } from '../support/serve-omniflow.ts';
import { startTestOmniflow, type TestOmniflow } from '../support/test-omniflow.ts';
import { buildWidget, webChatChannels } from '../support/webchat.ts';

/** Every CSP violation a page reports: the DOM event and Chromium's console line, both. */
async function watchViolations(context: BrowserContext, page: Page): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('__reportViolation', (_source, text: string) => void violations.push(text));
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportViolation(e.effectiveDirective + ' blocked ' + e.blockedURI + ' on ' + e.documentURI));`,
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

describe.skipIf(!hasChromium)('the app over https in Chromium, under its Content-Security-Policy', () => {
  let omni: TestOmniflow;
  let served: ListeningApi;
  let browser: Browser;
  let base: string;
  let site: Server | undefined;

  beforeAll(async () => {
    const certificate = selfSignedCertificate();
    omni = await startTestOmniflow({
      builderDir: buildBuilder(),
      channels: webChatChannels(),
      appDeps: { widgetFile: buildWidget() },
    });
    const tls = tlsSettingsFromEnv({
      OMNIFLOW_TLS_CERT: certificate.certFile,
      OMNIFLOW_TLS_KEY: certificate.keyFile,
    });
    served = await listenApi(omni.app, { port: 0, hostname: '127.0.0.1', tls: tls! });
    base = served.url.replace('localhost', '127.0.0.1');
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    site?.close();
    omni?.app.closeWebSockets();
    await served?.close();
    await omni?.close();
  });

  async function open(): Promise<{ page: Page; violations: string[] }> {
    // The test's own certificate is not in Chromium's store; everything else is as a person has it.
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      locale: 'en-US',
      viewport: { width: 1400, height: 1000 },
    });
    await context.addInitScript({
      content: `{ const getItem = Storage.prototype.getItem;
        Storage.prototype.getItem = function (key) {
          return key.startsWith('omniflow.tour.done.') ? '1' : getItem.call(this, key);
        }; }`,
    });
    const page = await context.newPage();
    return { page, violations: await watchViolations(context, page) };
  }

  it('signs in, opens the flow builder and the template editor with Monaco: no violation', async () => {
    const { page, violations } = await open();
    await page.goto(base);
    await page.getByLabel('Email').fill(omni.admin.email);
    await page.getByLabel('Password').fill(omni.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Flows' }).waitFor();
    // A session cookie set over https is Secure.
    const [cookie] = await page.context().cookies(base);
    expect(cookie?.secure).toBe(true);

    await page.getByRole('button', { name: 'New flow' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Start from blank' }).click();
    await page.locator('.react-flow__pane').waitFor();

    await page.getByRole('link', { name: 'Templates', exact: true }).click();
    await page.getByRole('button', { name: /welcome-email/ }).click();
    const editor = page.getByTestId('monaco-container');
    await editor.locator('.monaco-editor').waitFor();
    // Typing makes Monaco start its workers (the language services).
    await editor.locator('.view-lines').getByText('Your account is ready.').click();
    await page.keyboard.type(' Hola');
    await page.getByTestId('email-preview-desktop').waitFor();
    // A writing through the session cookie, from the app itself, passes the CSRF check.
    const saved = await page.evaluate<number>(`fetch('/api/v1/flows', { method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'From the page', nodes: [], edges: [] }) }).then((r) => r.status)`);
    expect(saved).toBe(201);
    // Give late reports (workers, fonts) a moment to arrive through the binding.
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  }, 120_000);

  it('downloads a contact’s export and erases them from the contact page, over https', async () => {
    const made = await omni.call('POST', '/api/v1/contacts', {
      firstName: 'Rosa',
      lastName: 'Mamani',
      addresses: [{ channel: 'sms', address: '+51911222333' }],
    });
    expect(made.status).toBe(201);
    const { page, violations } = await open();
    await page.goto(base);
    await page.getByLabel('Email').fill(omni.admin.email);
    await page.getByLabel('Password').fill(omni.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Flows' }).waitFor();
    await page.goto(`${base}/#/contacts/${made.body.id}`);
    await page.getByRole('heading', { name: 'Rosa Mamani' }).waitFor();

    await page.getByRole('button', { name: 'Export data' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('dialog').getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`contact-${made.body.id}.zip`);
    const zip = await JSZip.loadAsync(await readFile((await download.path())!));
    expect(JSON.parse(await zip.file('contact.json')!.async('string'))).toMatchObject({ firstName: 'Rosa' });

    await page.getByRole('button', { name: 'Erase personal data' }).click();
    await page
      .getByRole('dialog')
      .getByText(/An anonymous record stays/)
      .waitFor();
    await screenshot(page, 'contact-erase-confirm');
    await page.getByRole('dialog').getByRole('button', { name: 'Erase for good' }).click();
    await page
      .getByRole('status')
      .getByText(/Personal data erased on/)
      .waitFor();
    expect(await page.getByText('+51911222333').count()).toBe(0);
    expect(violations).toEqual([]);
  }, 60_000);

  it('shows the user docs and the API reference with no violation', async () => {
    const { page, violations } = await open();
    await page.goto(`${base}/docs/en`);
    await page.locator('h1').first().waitFor();
    await page.goto(`${base}/api/docs`);
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
    // The watch itself works: a script from another host is what the policy refuses.
    await page.evaluate(`document.body.appendChild(Object.assign(document.createElement('script'),
      { src: 'https://cdn.invalid/library.js' }))`);
    await expect.poll(() => violations.join('\n')).toContain('script-src');
  });

  it('runs the web chat widget from https on a customer site with a strict CSP of its own', async () => {
    const key = (await omni.handle.db.query.workspaces.findFirst())!.id;
    const origin = new URL(base).origin;
    const wss = origin.replace('https', 'wss');
    // A customer site that allows Omniflow's origin and nothing else foreign.
    const page = `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Tienda</title></head>
<body><h1>Tienda</h1><script src="${origin}/webchat.js" data-key="${key}" data-title="Ayuda" data-lang="es" async></script></body></html>`;
    const csp = `default-src 'self'; script-src 'self' ${origin}; connect-src 'self' ${origin} ${wss}; style-src 'self' 'unsafe-inline'; img-src 'self' data:`;
    site = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': csp }).end(page),
    );
    await new Promise<void>((resolve) => site!.listen(0, '127.0.0.1', resolve));
    const { page: tab, violations } = await open();
    await tab.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
    await tab.getByRole('button', { name: 'Abrir el chat' }).click();
    await expect
      .poll(() => tab.locator('omniflow-webchat').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('online');
    expect(await tab.locator('omniflow-webchat').getAttribute('data-transport')).toBe('websocket');
    expect(violations).toEqual([]);
  }, 60_000);
});
