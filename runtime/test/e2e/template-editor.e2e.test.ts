import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, signIn, type BuilderSession } from '../support/builder-page.ts';
import { screenshot } from '../support/screenshot.ts';

/** The document inside a preview iframe, once it has rendered the text. */
async function frameShowing(page: Page, testId: string, text: string): Promise<Frame> {
  const handle = await page.getByTestId(testId).elementHandle();
  const frame = await handle!.contentFrame();
  await frame!.getByText(text).first().waitFor();
  return frame!;
}

describe.skipIf(!hasChromium)('template editor in Chromium', () => {
  let session: BuilderSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBuilder({ viewport: { width: 1400, height: 1300 } });
    page = session.page;
  }, 180_000);
  afterAll(async () => session?.close());

  it('previews MJML at phone and desktop widths as it is typed, and shows its text part', async () => {
    await page.goto(session.omni.url);
    await signIn(session);
    await page.getByRole('link', { name: 'Templates', exact: true }).click();
    await page.getByRole('button', { name: /welcome-email/ }).click();

    // Monaco from the local package replaces the plain text box.
    const editor = page.getByTestId('monaco-container');
    await editor.locator('.monaco-editor').waitFor();
    const phone = await frameShowing(page, 'email-preview-phone', 'Welcome aboard');
    const desktop = await frameShowing(page, 'email-preview-desktop', 'Welcome aboard');

    const widthOf = (frame: Frame) => frame.evaluate<number>('window.innerWidth');
    expect(await widthOf(phone)).toBeLessThan(400);
    expect(await widthOf(desktop)).toBeGreaterThan(650);
    // The greeting template is included and personalised for the sample contact.
    await phone.getByText('Hi Alex, thanks for getting in touch.').waitFor();
    // Sandboxed: no scripts and no access to the builder.
    expect(await page.getByTestId('email-preview-phone').getAttribute('sandbox')).toBe('');

    // Type into Monaco: the preview follows.
    await editor.locator('.view-lines').getByText('Your account is ready.').click();
    await page.keyboard.press('End');
    // Back over `</mj-text>`, so the words land inside the element.
    for (let i = 0; i < '</mj-text>'.length; i += 1) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type(' See you soon!');
    await frameShowing(page, 'email-preview-desktop', 'Start whenever you like. See you soon!');
    await page.getByText('Text part').click();
    await page.getByTestId('email-preview-text').getByText('See you soon!').waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'templates-editor');

    // Broken MJML is refused at save with its line, shown under the editor.
    await editor.locator('.view-lines').getByText('Your account is ready.').click();
    await page.keyboard.press('Home');
    await page.keyboard.type('<mj-bogus>x</mj-bogus>');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const problems = page.getByTestId('template-problems');
    await problems.getByText(/English body, line \d+: Element mj-bogus/).waitFor();
    const stored = await session.omni.call('GET', '/api/v1/templates');
    const welcome = stored.body.items.find((t: { name: string }) => t.name === 'welcome-email');
    expect(welcome.variants.en.body).not.toContain('mj-bogus');
  }, 150_000);

  it('stacks a two-column layout on a phone and keeps it side by side on a desktop', async () => {
    // The refused change is still unsaved: leaving it asks first.
    await page.getByRole('button', { name: /newsletter-email/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Discard changes' }).click();
    const phone = await frameShowing(page, 'email-preview-phone', 'Second story');
    const desktop = await frameShowing(page, 'email-preview-desktop', 'Second story');
    const boxes = async (frame: Frame) => ({
      first: (await frame.getByText('First story').boundingBox())!,
      second: (await frame.getByText('Second story').boundingBox())!,
    });
    const wide = await boxes(desktop);
    expect(Math.abs(wide.first.y - wide.second.y)).toBeLessThan(2);
    expect(wide.second.x).toBeGreaterThan(wide.first.x + 200);
    const narrow = await boxes(phone);
    expect(narrow.second.y).toBeGreaterThan(narrow.first.y + 50);
    expect(Math.abs(narrow.first.x - narrow.second.x)).toBeLessThan(2);
  }, 60_000);

  it('counts SMS segments of a text template as it is typed', async () => {
    await page
      .getByRole('button', { name: /greeting/ })
      .first()
      .click();
    const counter = page.getByTestId('sms-counter');
    await counter.getByText(/1 SMS · GSM-7/).waitFor();
    await page.getByRole('button', { name: 'Spanish', exact: true }).click();
    await page.getByTestId('text-preview').getByText('Hola Ana, gracias por escribirnos.').waitFor();
  }, 60_000);
});
