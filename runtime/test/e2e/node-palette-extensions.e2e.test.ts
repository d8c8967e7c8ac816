import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/server/load-registry.ts';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, signIn, type BuilderSession } from '../support/builder-page.ts';
import { screenshot } from '../support/screenshot.ts';
import { publishFlow } from '../support/test-omniflow.ts';

const startToEnd = (name: string, extra: object = {}) => ({
  name,
  ...extra,
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    { id: 'end', type: 'flow.end', config: { output: { name: 'Ana' } } },
  ],
  edges: [{ id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'end' } }],
});

describe.skipIf(!hasChromium)(
  'builder in Chromium: reusable subflows and a node package in the palette',
  () => {
    let session: BuilderSession;
    let page: Page;
    beforeAll(async () => {
      const registry = await loadRegistry({ OMNIFLOW_NODE_PACKAGES: './examples/node-packages/crm-lookup' });
      session = await openBuilder({}, { nodes: registry.all().filter((d) => d.type === 'crm.lookup') });
      page = session.page;
    }, 180_000);
    afterAll(async () => session?.close());

    it('lists a published reusable subflow by name and the example package’s node with its form', async () => {
      const { omni } = session;
      const subflow = await publishFlow(omni, startToEnd('Find customer', { reusable: true }));
      await publishFlow(omni, startToEnd('Not reusable'));
      const desk = await omni.call('POST', '/api/v1/flows', startToEnd('Help desk'));
      await page.goto(omni.url);
      await signIn(session);
      await page.getByRole('heading', { name: 'Flows' }).waitFor();
      await page.goto(`${omni.url}/#/flows/${desk.body.id}`);

      const flowGroup = page.getByRole('region', { name: 'Flow', exact: true });
      await page.getByRole('button', { name: 'Add node: End' }).waitFor();
      await flowGroup.getByRole('button', { name: 'Add node: Find customer' }).waitFor();
      expect(await flowGroup.getByRole('button', { name: 'Add node: Not reusable' }).count()).toBe(0);
      const dataGroup = page.getByRole('region', { name: 'Data', exact: true });
      await dataGroup.getByRole('button', { name: 'Add node: CRM lookup' }).waitFor();

      await flowGroup.getByRole('button', { name: 'Add node: Find customer' }).click();
      await expect
        .poll(
          async () => {
            const draft = draftNodes(await omni.call('GET', `/api/v1/flows/${desk.body.id}`));
            return draft;
          },
          { timeout: 15_000 },
        )
        .toContainEqual(
          expect.objectContaining({
            type: 'flow.call',
            config: expect.objectContaining({ flowId: subflow }),
          }),
        );

      await dataGroup.getByRole('button', { name: 'Add node: CRM lookup' }).click();
      await page.getByLabel('CRM address').waitFor();
      await page.getByLabel('Look up by').waitFor();
      await screenshot(page, 'palette-subflow-and-node-package');
    });
  },
);

function draftNodes(res: { body: { draft: { nodes: { type: string; config: object }[] } } }) {
  return res.body.draft.nodes;
}
