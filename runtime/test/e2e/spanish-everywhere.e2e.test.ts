import { builtinNodes } from '@omniflow/nodes';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../../builder/src/i18n/catalog.ts';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, type BuilderSession } from '../support/builder-page.ts';
import type { ServedOmniflow } from '../support/serve-omniflow.ts';
import { screenshot } from '../support/screenshot.ts';
import { publishFlow, runReaches } from '../support/test-omniflow.ts';
import { validationCodes } from '../../src/graph/validation-issue.ts';

// A Spanish-speaking administrator must never meet an English sentence: every page and panel is
// walked in `es`, and each visible text is compared with the English side of the builder's catalog
// (and of the nodes' titles and labels) wherever English and Spanish differ.

/** Texts that are the same word in both languages, or names, where they show as they are. */
const sameInBoth = new Set(['Omniflow', 'WhatsApp', 'SMS', 'Email', 'Web chat', 'JSON', 'ID', 'URL', 'OK']);

function englishOnly(): { exact: Set<string>; patterns: { key: string; pattern: RegExp }[] } {
  const exact = new Set<string>();
  const patterns: { key: string; pattern: RegExp }[] = [];
  const en: Record<string, string> = catalog.en;
  const es: Record<string, string> = catalog.es;
  for (const [key, value] of Object.entries(en)) {
    if (es[key] === value || sameInBoth.has(value)) continue;
    if (!/\{\w+\}/.test(value)) {
      exact.add(value.trim());
      continue;
    }
    // A sentence with values in it: the literal words must be long enough to say it is English.
    const literal = value.replace(/\{\w+\}/g, '');
    if (literal.replace(/[^A-Za-z]/g, '').length < 8) continue;
    const source = value
      .split(/(\{\w+\})/)
      .map((part) => (/^\{\w+\}$/.test(part) ? '.+?' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    patterns.push({ key, pattern: new RegExp(`^${source}$`) });
  }
  const pairs: { en: string; es: string }[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.en === 'string' && typeof record.es === 'string') pairs.push(record as never);
      else Object.values(record).forEach(collect);
    }
  };
  for (const node of builtinNodes) collect([node.title, node.description]);
  for (const pair of pairs) if (pair.en !== pair.es && !sameInBoth.has(pair.en)) exact.add(pair.en);
  return { exact, patterns };
}

/** Developer text that is in no catalog: zod's own messages and raw validation codes. */
const developerText = new RegExp(`Invalid input|expected \\w+, received|^(${validationCodes.join('|')})$`);

/**
 * Every text a person sees on the page now: visible text nodes and the placeholders of inputs.
 * A string run in the page, as the runtime's typecheck has no DOM library.
 */
const collectTexts = `(() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.replace(/\\s+/g, ' ').trim();
    const parent = node.parentElement;
    if (!text || !parent || parent.closest('script, style, code, pre, [data-user-text]')) continue;
    if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    out.push(text);
  }
  for (const input of document.querySelectorAll('input[placeholder], textarea[placeholder]'))
    if (input.checkVisibility()) out.push(input.placeholder.trim());
  return out;
})()`;

function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(collectTexts) as Promise<string[]>;
}

describe.skipIf(!hasChromium)('the builder in Spanish shows no English', () => {
  let session: BuilderSession;
  let omni: ServedOmniflow;
  let page: Page;
  const english = englishOnly();
  const found: string[] = [];
  let brokenFlow: string;
  let runId: string;

  beforeAll(async () => {
    session = await openBuilder({ locale: 'es-ES', viewport: { width: 1440, height: 900 } });
    ({ omni, page } = session);
    await page.addInitScript(`localStorage.setItem('omniflow.locale', 'es')`);

    const flowId = await publishFlow(omni, {
      name: 'Aviso de cita',
      nodes: [
        { id: 'start', type: 'flow.start', config: {} },
        { id: 'set', type: 'logic.set', config: { assignments: [{ name: 'saludo', value: 'hola' }] } },
        { id: 'end', type: 'flow.end', config: {} },
      ],
      edges: [
        { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'set' } },
        { id: 'e2', from: { node: 'set', port: 'next' }, to: { node: 'end' } },
      ],
    });
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: {} });
    runId = started.body.id;
    await runReaches(omni, runId, ['completed']);

    // A draft with the problems a first-time designer leaves: an option without its port, a
    // text too long for its field, a step nothing leads to.
    const broken = await omni.call('POST', '/api/v1/flows', {
      name: 'Centralita con problemas',
      nodes: [
        { id: 'start', type: 'voice.inbound-call', config: { numbers: ['+34910000000'] } },
        {
          id: 'menu',
          type: 'voice.menu',
          label: 'Menú principal',
          config: { prompt: 'Pulsa 1 para ventas', options: [{ digit: '1', label: 'Ventas' }] },
        },
        { id: 'queue', type: 'voice.enqueue', config: { queue: 'x'.repeat(120) } },
        { id: 'lost', type: 'voice.hangup', config: {} },
      ],
      edges: [{ id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'menu' } }],
    });
    expect(broken.status).toBe(201);
    brokenFlow = broken.body.id;
  }, 240_000);
  afterAll(async () => session?.close());

  /** Waits until the page stops changing (nothing loading, the same texts twice), then checks it. */
  async function check(where: string) {
    let previous = '';
    await expect
      .poll(
        async () => {
          const texts = await visibleTexts(page);
          const now = texts.join('\n');
          const stable = now === previous && !now.includes(catalog.es['common.loading']);
          previous = now;
          return stable;
        },
        { timeout: 20_000, interval: 300 },
      )
      .toBe(true);
    for (const text of await visibleTexts(page)) {
      const key = english.exact.has(text)
        ? text
        : english.patterns.find(({ pattern }) => pattern.test(text))?.key;
      if (key) found.push(`${where}: “${text}” (${key})`);
      else if (developerText.test(text)) found.push(`${where}: “${text}” (developer text)`);
    }
  }

  async function visit(hash: string, where: string) {
    await page.goto(`${omni.url}/#/${hash}`);
    await check(where);
  }

  it('signs in, walks every page and panel in es, and finds no English string', async () => {
    await page.goto(omni.url);
    await check('sign-in');
    await page.getByLabel('Correo electrónico').fill(omni.admin.email);
    await page.getByLabel('Contraseña').fill(omni.admin.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('heading', { name: 'Flujos' }).waitFor();
    await check('flows');

    await page.goto(`${omni.url}/#/flows/${brokenFlow}`);
    await page.locator('.react-flow__node[data-id="menu"]').waitFor();
    await page.getByTestId('problem').first().waitFor();
    await check('editor with problems');
    const problems = await page.getByTestId('problem').allTextContents();
    expect(problems.join('\n')).toContain('«Menú principal»');
    expect(problems.join('\n')).toContain('como máximo 100 caracteres');
    await screenshot(page, 'problems-in-spanish');
    await page.locator('.react-flow__node[data-id="menu"]').click();
    await check('inspector of the menu');
    await page.locator('.react-flow__node[data-id="queue"]').click();
    await page.getByText('Demasiado largo: como máximo 100 caracteres').first().waitFor();
    await check('inspector of the queue');
    for (const tab of await page.getByRole('tab').all()) {
      const name = (await tab.textContent()) ?? '';
      await tab.click();
      await check(`editor tab ${name}`);
    }

    const pages: [string, string][] = [
      ['runs', 'runs'],
      [`runs/${runId}`, 'run detail'],
      ['phone', 'phone'],
      ['mail', 'mail'],
      ['calls', 'calls'],
      ['recordings', 'recordings'],
      ['settings', 'settings'],
      ['contacts', 'contacts'],
      ['contacts/import', 'contact import'],
      ['segments', 'segments'],
      ['templates', 'templates'],
      ['campaigns', 'campaigns'],
    ];
    for (const [hash, where] of pages) await visit(hash, where);

    // The forms behind the "new" buttons, with their own labels and hints.
    const forms: [string, string][] = [
      ['campaigns', catalog.es['campaigns.new']],
      ['segments', catalog.es['segments.new']],
      ['templates', catalog.es['templates.newEmail']],
      ['contacts', catalog.es['contacts.new']],
    ];
    for (const [hash, button] of forms) {
      await page.goto(`${omni.url}/#/${hash}`);
      await page
        .getByRole('button', { name: button })
        .or(page.getByRole('link', { name: button }))
        .first()
        .click();
      await check(`${hash}: ${button}`);
    }

    expect(found, `English shown in the Spanish UI:\n${found.join('\n')}`).toEqual([]);
  }, 300_000);

  it('catches English: the same walk in en finds the catalog’s English strings', async () => {
    // Guards the check itself: in English every page shows catalog values it would report.
    found.length = 0;
    await page.evaluate(`localStorage.setItem('omniflow.locale', 'en')`);
    await page.addInitScript(`localStorage.setItem('omniflow.locale', 'en')`);
    await page.goto(`${omni.url}/#/flows`);
    await page.reload();
    await page.getByRole('heading', { name: 'Flows' }).waitFor();
    await check('flows in en');
    expect(found.some((line) => line.includes('“Flows”'))).toBe(true);
  }, 60_000);
});
