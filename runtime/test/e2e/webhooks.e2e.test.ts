import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@omniflow/db';
import { recordCall } from '../../src/recordings/record-call.ts';
import { hasChromium } from '../support/browser.ts';
import { builderForSuite, signIn, type BuilderSession } from '../support/builder-page.ts';
import { screenshot } from '../support/screenshot.ts';
import { eventually } from '../support/test-omniflow.ts';
import { verifyFromDocs } from '../webhooks/doc-verifier.ts';

describe.skipIf(!hasChromium)(
  'webhooks in Chromium: an admin subscribes a receiver and replays a delivery',
  () => {
    let session: BuilderSession;
    let page: Page;
    let receiver: Server;
    let url = '';
    const received: { id: string; signature: string; body: string }[] = [];

    beforeAll(async () => {
      receiver = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          received.push({
            id: (JSON.parse(body) as { id: string }).id,
            signature: String(req.headers['omniflow-signature']),
            body,
          });
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/omniflow/events`;
    });
    afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

    builderForSuite(
      (opened) => ({ page } = session = opened),
      { viewport: { width: 1280, height: 900 } },
      {
        env: { OMNIFLOW_HTTP_ALLOW_PRIVATE: '1', OMNIFLOW_WEBHOOK_POLL_MS: '200' },
        appDeps: { webhookAllowPrivate: true },
      },
    );

    it('creates a webhook with labelled events, shows its secret once, logs the delivery and sends it again', async () => {
      await page.goto(session.omni.url);
      await signIn(session);
      await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
      await page.getByText('No webhooks yet.').waitFor();
      await page.getByRole('button', { name: 'Add a webhook' }).click();
      await page.getByLabel('URL that receives the events').fill(url);
      await page.getByLabel('Description (optional)').fill('Call centre CRM');
      await page.getByLabel('A call started').check();
      await page.getByLabel('A call ended').check();
      await page.getByRole('button', { name: 'Create webhook' }).click();
      const secretBox = page.getByRole('region', { name: 'Signing secret' });
      const secret = (await secretBox.locator('code').textContent()) ?? '';
      expect(secret).toMatch(/^whsec_/);

      const workspaceId = (await session.omni.handle.db.query.workspaces.findFirst())!.id;
      const startedAt = new Date();
      const call = {
        workspaceId,
        callId: `sip-${newId()}`,
        driver: 'sip',
        from: '+34911000002',
        to: '100',
        startedAt,
      };
      await recordCall(session.omni.handle.db, call);
      await recordCall(session.omni.handle.db, { ...call, endedAt: new Date(), hangupSide: 'caller' });
      await eventually(async () => (received.length >= 2 ? true : undefined));
      for (const r of received) expect(verifyFromDocs(secret, r.signature, r.body)).toBe(true);

      await page.getByRole('button', { name: 'I have kept it' }).click();
      await page.getByRole('button', { name: 'Delivery log' }).click();
      const row = page.getByRole('row', { name: /A call ended/ });
      await row.getByText('Delivered').waitFor();
      await row.getByText('Answered 204', { exact: false }).waitFor();
      await screenshot(page, 'webhooks');

      const endedId = received.find((r) => JSON.parse(r.body).type === 'call.ended')!.id;
      await row.getByRole('button', { name: 'Send again' }).click();
      await row.getByText('It will be sent again in a moment.').waitFor();
      await eventually(async () =>
        received.filter((r) => r.id === endedId).length === 2 ? true : undefined,
      );
    }, 180_000);
  },
);
