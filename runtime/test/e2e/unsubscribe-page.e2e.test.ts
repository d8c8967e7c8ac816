import type { Browser, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactChannels } from '@omniflow/db';
import { SandboxDriver, type OutboundMessage } from '@omniflow/nodes/drivers/messaging';
import { emailLinksFromEnv } from '../../src/email/email-links-from-env.ts';
import { createMessagingService } from '../../src/messaging/messaging-service.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { screenshot } from '../support/screenshot.ts';
import { listen } from '../support/serve-omniflow.ts';
import { publishFlow, runReaches, startTestOmniflow, type TestOmniflow } from '../support/test-omniflow.ts';

/** The email sandbox, keeping the mail as it was handed over (decorated). */
class KeepingDriver extends SandboxDriver {
  readonly handed: OutboundMessage[] = [];
  constructor() {
    super('email');
  }
  override async send(message: OutboundMessage) {
    this.handed.push(message);
    return super.send(message);
  }
}

describe.skipIf(!hasChromium)('the unsubscribe page in Chromium', () => {
  let omni: TestOmniflow;
  let server: Awaited<ReturnType<typeof listen>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    omni = await startTestOmniflow();
    server = await listen(omni.app);
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'es-ES' })).newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await omni?.close();
  });

  it('asks first, and unsubscribes the address from its button', async () => {
    const flowId = await publishFlow(omni, {
      name: 'Boletín municipal',
      nodes: [
        { id: 'start', type: 'flow.start', config: {} },
        { id: 'end', type: 'flow.end', config: {} },
      ],
      edges: [{ id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'end' } }],
    });
    const runId = (await omni.call('POST', '/api/v1/runs', { flowId, input: {} })).body.id;
    await runReaches(omni, runId, ['completed']);
    const driver = new KeepingDriver();
    const service = createMessagingService({
      db: omni.handle.db,
      drivers: { email: driver },
      emailLinks: emailLinksFromEnv({ OMNIFLOW_PUBLIC_URL: server.url }, omni.deps.secretKeyring!),
    });
    await service.forStep({ runId, nodeId: 'news', idempotencyKey: `${runId}:news:1` }).send('email', {
      to: 'vecina@example.org',
      text: 'Agenda de diciembre',
      email: {
        subject: 'Agenda',
        html: '<html lang="es"><body><p>Agenda</p></body></html>',
        marketing: true,
      },
    });
    const unsubscribe = driver.handed[0]!.email!.unsubscribeUrl!;

    await page.goto(unsubscribe);
    await page.getByRole('heading', { name: 'Darse de baja' }).waitFor();
    expect(await page.locator('main p').textContent()).toContain('vecina@example.org');
    await screenshot(page, 'email-unsubscribe');
    const optOut = async () =>
      (
        await omni.handle.db
          .select()
          .from(contactChannels)
          .where(eq(contactChannels.address, 'vecina@example.org'))
      )[0]?.optOutKeyword;
    expect(await optOut()).toBeUndefined();

    await page.getByRole('button', { name: 'Sí, darme de baja' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('ya no recibirás más correos');
    expect(await optOut()).toBe('unsubscribe');
  });
});
