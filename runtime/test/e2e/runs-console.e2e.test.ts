import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, signIn, type BuilderSession } from '../support/builder-page.ts';
import { CountingTarget } from '../support/counting-target.ts';
import { notifyThenFlakyFlow, waitsForEventFlow } from '../support/flows.ts';
import { screenshot } from '../support/screenshot.ts';
import { publishFlow, runReaches } from '../support/test-omniflow.ts';

describe.skipIf(!hasChromium)('runs console in Chromium: a failed run retried from its step, live', () => {
  let session: BuilderSession;
  let page: Page;
  let target: CountingTarget;
  let flowId: string;
  let failedRun: string;

  beforeAll(async () => {
    target = await new CountingTarget().start();
    session = await openBuilder(
      { viewport: { width: 1440, height: 900 } },
      { env: { OMNIFLOW_HTTP_ALLOW_PRIVATE: '1' }, appDeps: { streamPollMs: 100 } },
    );
    page = session.page;
    const { omni } = session;
    flowId = await publishFlow(omni, notifyThenFlakyFlow(target.url, 'Order follow-up'));
    target.broken = false;
    const ok = await omni.call('POST', '/api/v1/runs', { flowId, input: { phone: '+34 600 100 200' } });
    await runReaches(omni, ok.body.id, ['completed']);
    target.broken = true;
    const failing = await omni.call('POST', '/api/v1/runs', { flowId, input: { phone: '+34 600 300 400' } });
    failedRun = failing.body.id;
    await runReaches(omni, failedRun, ['failed']);
  }, 180_000);
  afterAll(async () => {
    await session?.close();
    await target?.close();
  });

  it('lists the failed run, shows its path and error, retries it from the step and watches it complete', async () => {
    await page.goto(session.omni.url);
    await signIn(session);
    await page.getByRole('link', { name: 'Runs', exact: true }).click();
    const failedRow = page.getByRole('button', { name: `Open the Failed run ${failedRun}` });
    const anyFailedRow = page.locator(`[aria-label*="${failedRun}"]`).first();
    await anyFailedRow.waitFor();
    await screenshot(page, 'runs-list');
    await ((await failedRow.count()) > 0 ? failedRow : anyFailedRow).click();

    // The path taken is lit, the failed node is marked red, and the error with its code is shown.
    const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"] > div`);
    await expect.poll(() => node('flaky').getAttribute('data-run-mark')).toBe('failed');
    expect(await node('notify').getAttribute('data-highlighted')).toBe('true');
    expect(await node('done').getAttribute('data-highlighted')).toBeNull();
    await page.getByText('HTTP_503').first().waitFor();
    await screenshot(page, 'run-detail-failed');

    target.broken = false;
    await page
      .locator('li[data-node="flaky"]')
      .getByRole('button', { name: /Retry from this step/ })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Retry from this step' }).click();

    // Live: the page moves to completed without a reload.
    await expect.poll(() => node('done').getAttribute('data-highlighted'), { timeout: 30_000 }).toBe('true');
    await page.locator('li[data-node="done"]').waitFor();
    expect(await node('flaky').getAttribute('data-run-mark')).toBeNull();
    await page.getByText('Completed').first().waitFor();
    await screenshot(page, 'run-detail-retried');
    expect(target.count('/notify')).toBe(2); // one per run: the retry did not notify again
    expect(target.count('/flaky')).toBe(2);
  }, 120_000);

  it('replays recorded runs against the draft in the what-if tab', async () => {
    // The draft now sends a successful call to the other end: both recorded runs would change.
    const draft = notifyThenFlakyFlow(target.url, 'Order follow-up');
    draft.edges = draft.edges.map((e) => (e.id === 'e4' ? { ...e, to: { node: 'notifyFailed' } } : e));
    draft.nodes = draft.nodes.filter((n) => n.id !== 'done');
    expect((await session.omni.call('PUT', `/api/v1/flows/${flowId}`, draft)).status).toBe(200);
    await page.goto(`${session.omni.url}/#/flows/${flowId}`);
    await page.getByRole('tab', { name: 'What if' }).click();
    await page.getByRole('button', { name: 'Replay against the draft' }).click();
    await page.getByText(/2 of 2 runs would take a different path/).waitFor();
    await screenshot(page, 'what-if');
  }, 60_000);

  it('badges the nodes where runs wait now, and the badge lists those runs', async () => {
    const { omni } = session;
    const waits = await publishFlow(omni, waitsForEventFlow('Waits for a reply', 'reply', 'reply'));
    for (let i = 0; i < 2; i++) {
      const started = await omni.call('POST', '/api/v1/runs', { flowId: waits, input: {} });
      await runReaches(omni, started.body.id, ['waiting']);
    }
    await page.goto(`${omni.url}/#/flows/${waits}`);
    const badge = page.locator('.react-flow__node[data-id="reply"] [data-testid="inflight-badge"]');
    await expect.poll(() => badge.textContent(), { timeout: 15_000 }).toContain('2');
    await screenshot(page, 'inflight-badges');
    // A flow made by the API is arranged when it opens, and leaving before that is saved asks
    // first (use-leave-warning.ts): wait until the arrangement is in the draft.
    await expect
      .poll(async () => {
        const { body } = await omni.call('GET', `/api/v1/flows/${waits}`);
        const xs = new Set((body.draft.nodes as { position: { x: number } }[]).map((n) => n.position.x));
        return xs.size > 1;
      })
      .toBe(true);
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    await badge.click();
    await page.getByText('Waiting').first().waitFor();
    await expect.poll(() => page.locator('[aria-label^="Open the"]').count()).toBe(2);
  }, 60_000);
});
