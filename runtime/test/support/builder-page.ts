import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { serveOmniflow, type ServedOmniflow } from './serve-omniflow.ts';

export interface BuilderSession {
  omni: ServedOmniflow;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/**
 * The whole product on loopback and a Chromium page on it, in English, for browser tests. The
 * guided tour counts as seen unless `tour` is set, so it covers nothing a test clicks.
 */
export async function openBuilder(
  pageOptions: Parameters<Browser['newPage']>[0] = {},
  omniOptions: Parameters<typeof serveOmniflow>[0] = {},
  { tour = false, browserArgs = [] }: { tour?: boolean; browserArgs?: string[] } = {},
): Promise<BuilderSession> {
  const omni = await serveOmniflow(omniOptions);
  const browser = await launchChromium(browserArgs);
  const page = await browser.newPage({ locale: 'en-US', ...pageOptions });
  if (!tour)
    await page.addInitScript({
      content: `{
        const getItem = Storage.prototype.getItem;
        Storage.prototype.getItem = function (key) {
          return key.startsWith('omniflow.tour.done.') ? '1' : getItem.call(this, key);
        };
      }`,
    });
  return {
    omni,
    browser,
    page,
    async close() {
      await browser.close();
      await omni.close();
    },
  };
}

/**
 * One builder session for a whole describe block: opened before its tests (handed to `opened`,
 * which keeps what the tests use), closed after them.
 */
export function builderForSuite(
  opened: (session: BuilderSession) => void,
  ...options: Parameters<typeof openBuilder>
): void {
  let session: BuilderSession | undefined;
  beforeAll(async () => {
    session = await openBuilder(...options);
    opened(session);
  }, 180_000);
  afterAll(async () => session?.close());
}

/** Signs in through the form with the test admin (or another password, to see it refused). */
export async function signIn(session: BuilderSession, password = session.omni.admin.password): Promise<void> {
  const { page, omni } = session;
  await page.getByLabel('Email').fill(omni.admin.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
