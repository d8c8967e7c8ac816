import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { screenshot } from '../support/screenshot.ts';
import { listen } from '../support/serve-omniflow.ts';
import { publishFlow, runReaches, startTestOmniflow, type TestOmniflow } from '../support/test-omniflow.ts';
import { buildWidget, webChatChannels } from '../support/webchat.ts';

const orderBot = {
  name: 'Web chat order bot',
  nodes: [
    { id: 'hi', type: 'message.inbound', config: { channel: 'webchat' } },
    {
      id: 'topic',
      type: 'message.ask',
      config: {
        channel: 'webchat',
        question: '¿En qué te ayudo?',
        expect: 'choice',
        choices: [
          { id: 'orders', title: 'Pedidos' },
          { id: 'billing', title: 'Facturas' },
        ],
      },
    },
    {
      id: 'number',
      type: 'message.ask',
      config: { channel: 'webchat', question: '¿Cuál es tu número de pedido?', expect: 'number' },
    },
    {
      id: 'done',
      type: 'message.send',
      config: {
        channel: 'webchat',
        text: 'El pedido {{ nodes.number.output.answer }} ({{ nodes.topic.output.answer }}) va en camino',
      },
    },
    { id: 'end', type: 'flow.end', config: { output: { order: '{{ nodes.number.output.answer }}' } } },
    { id: 'late', type: 'flow.end', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'hi', port: 'next' }, to: { node: 'topic' } },
    { id: 'e2', from: { node: 'topic', port: 'answered' }, to: { node: 'number' } },
    { id: 'e3', from: { node: 'topic', port: 'timeout' }, to: { node: 'late' } },
    { id: 'e4', from: { node: 'number', port: 'answered' }, to: { node: 'done' } },
    { id: 'e5', from: { node: 'number', port: 'timeout' }, to: { node: 'late' } },
    { id: 'e6', from: { node: 'done', port: 'sent' }, to: { node: 'end' } },
  ],
};

/** A customer's own site on another origin: a plain page with nothing but the embed code. */
function customerSite(scriptTag: string): Promise<{ url: string; server: Server }> {
  const page = `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Tienda</title></head>
<body><h1>Tienda de ejemplo</h1><p>Bienvenido.</p>
${scriptTag}
</body></html>`;
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server }),
    ),
  );
}

describe.skipIf(!hasChromium)('web chat widget in Chromium on a plain HTML page', () => {
  let omni: TestOmniflow;
  let api: Awaited<ReturnType<typeof listen>>;
  let browser: Browser;
  const sites: Server[] = [];
  let key: string;

  beforeAll(async () => {
    omni = await startTestOmniflow({ channels: webChatChannels(), appDeps: { widgetFile: buildWidget() } });
    api = await listen(omni.app);
    key = (await omni.handle.db.query.workspaces.findFirst())!.id;
    await publishFlow(omni, orderBot);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    for (const site of sites) site.close();
    await api?.close();
    await omni?.close();
  });

  async function openSite(extra = '', prepare?: (context: BrowserContext) => Promise<unknown>) {
    const site = await customerSite(
      `<script src="${api.url}/webchat.js" data-key="${key}" data-color="#7b2cbf" data-title="Ayuda Tienda" ` +
        `data-greeting="¡Hola! ¿Hablamos?" data-lang="es"${extra} async></script>`,
    );
    sites.push(site.server);
    const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
    await prepare?.(context);
    const page = await context.newPage();
    await page.goto(site.url);
    return { page, context, url: site.url };
  }

  const widget = (page: Page) => page.locator('omniflow-webchat');
  const log = (page: Page) => page.getByRole('log');
  const botSays = (page: Page, text: string) =>
    log(page).locator('li.bot', { hasText: text }).waitFor({ timeout: 30_000 });
  const online = (page: Page) =>
    expect.poll(() => widget(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('online');
  async function write(page: Page, text: string) {
    await page.getByRole('textbox', { name: 'Escribe un mensaje…' }).fill(text);
    await page.getByRole('button', { name: 'Enviar' }).click();
  }
  async function runOf(page: Page) {
    // Page code is passed as text: this package is type-checked without the DOM library.
    const saved = await page.evaluate<string | null>(`localStorage.getItem('omniflow-webchat:${key}')`);
    const { sessionId } = JSON.parse(saved!) as { sessionId: string };
    const runs = await omni.call('GET', `/api/v1/runs?contact=${encodeURIComponent(sessionId)}`);
    return { sessionId, runs: runs.body.items as { id: string; status: string }[] };
  }
  const texts = async (page: Page) =>
    (await log(page).locator('li.bot, li.visitor').allTextContents()).map((t) => t.trim());

  it('loads from the script tag, holds a whole bot conversation with chips, and resumes it after reloads', async () => {
    const { page, context } = await openSite();
    await page.getByRole('button', { name: 'Abrir el chat' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Ayuda Tienda' }).isVisible()).toBe(true);
    await online(page);
    expect(await widget(page).getAttribute('data-transport')).toBe('websocket');
    await log(page).getByText('¡Hola! ¿Hablamos?').waitFor();

    // The bot types between the visitor's message and its answer.
    await page.evaluate(`{
      const root = document.querySelector('omniflow-webchat').shadowRoot;
      new MutationObserver(() => {
        if (root.querySelector('.typing')) window.sawTyping = true;
      }).observe(root.querySelector('ol'), { childList: true });
    }`);
    await write(page, 'Hola');
    await botSays(page, '¿En qué te ayudo?');
    expect(await page.evaluate('window.sawTyping')).toBe(true);
    const chips = page.getByRole('group', { name: 'Opciones' });
    expect(await chips.getByRole('button').allTextContents()).toEqual(['Pedidos', 'Facturas']);
    await screenshot(page, 'webchat-widget');

    await chips.getByRole('button', { name: 'Pedidos' }).click();
    await botSays(page, '¿Cuál es tu número de pedido?');

    // A reload mid-conversation: the same session, the conversation so far, and it goes on.
    await page.reload();
    await page.getByRole('button', { name: 'Abrir el chat' }).click();
    await online(page);
    await botSays(page, '¿Cuál es tu número de pedido?');
    expect(await texts(page)).toEqual([
      '¡Hola! ¿Hablamos?',
      'Hola',
      '¿En qué te ayudo?',
      'Pedidos',
      '¿Cuál es tu número de pedido?',
    ]);
    await write(page, '12345');
    await botSays(page, 'El pedido 12345 (orders) va en camino');
    const { runs } = await runOf(page);
    expect(runs).toHaveLength(1);
    const done = await runReaches(omni, runs[0]!.id, ['completed', 'failed']);
    expect(done).toMatchObject({ status: 'completed', output: { order: 12345 } });

    // Reloaded after the end: everything is still there, and writing again starts a new conversation.
    await page.reload();
    await page.getByRole('button', { name: 'Abrir el chat' }).click();
    await online(page);
    await botSays(page, 'El pedido 12345 (orders) va en camino');
    expect((await texts(page)).slice(1)).toEqual([
      'Hola',
      '¿En qué te ayudo?',
      'Pedidos',
      '¿Cuál es tu número de pedido?',
      '12345',
      'El pedido 12345 (orders) va en camino',
    ]);
    await write(page, 'Otra consulta');
    await expect
      .poll(async () => (await texts(page)).filter((t) => t === '¿En qué te ayudo?').length, {
        timeout: 30_000,
      })
      .toBe(2);
    expect((await runOf(page)).runs).toHaveLength(2);
    await context.close();
  });

  it('falls back to server-sent events where WebSocket cannot connect, and still converses', async () => {
    const { page, context } = await openSite('', async (ctx) =>
      // A network that drops WebSocket upgrades: the socket errors and closes without opening.
      ctx.addInitScript({
        content: `
          class BlockedWebSocket extends EventTarget {
            constructor() {
              super();
              this.readyState = 0;
              setTimeout(() => {
                this.readyState = 3;
                this.onclose?.(new Event('close'));
              }, 50);
            }
            send() { throw new Error('not open'); }
            close() {}
          }
          BlockedWebSocket.OPEN = 1;
          Object.defineProperty(window, 'WebSocket', { value: BlockedWebSocket });`,
      }),
    );
    await page.getByRole('button', { name: 'Abrir el chat' }).click();
    await online(page);
    expect(await widget(page).getAttribute('data-transport')).toBe('sse');
    await write(page, 'Hola');
    await botSays(page, '¿En qué te ayudo?');
    await page.getByRole('group', { name: 'Opciones' }).getByRole('button', { name: 'Facturas' }).click();
    await botSays(page, '¿Cuál es tu número de pedido?');
    await page.reload();
    await page.getByRole('button', { name: 'Abrir el chat' }).click();
    await online(page);
    expect(await widget(page).getAttribute('data-transport')).toBe('sse');
    await botSays(page, '¿Cuál es tu número de pedido?');
    await write(page, '77');
    await botSays(page, 'El pedido 77 (billing) va en camino');
    const { runs } = await runOf(page);
    expect(await runReaches(omni, runs[0]!.id, ['completed', 'failed'])).toMatchObject({
      status: 'completed',
    });
    await context.close();
  });
});
