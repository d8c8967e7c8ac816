import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const docs = fileURLToPath(new URL('../../../docs/', import.meta.url));

/** With OMNIFLOW_SCREENSHOTS=1, refreshes docs/<name>.png, the pictures the README shows. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.OMNIFLOW_SCREENSHOTS) return;
  mkdirSync(docs, { recursive: true });
  await page.screenshot({ path: `${docs}${name}.png` });
}
