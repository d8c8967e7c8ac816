import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../../builder/src/i18n/catalog.ts';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, type BuilderSession } from '../support/builder-page.ts';
import { englishWatch } from '../support/english-in-spanish.ts';
import type { ServedOmniflow } from '../support/serve-omniflow.ts';
import { screenshot } from '../support/screenshot.ts';
import { publishFlow, runReaches } from '../support/test-omniflow.ts';

// A Spanish-speaking administrator must never meet an English sentence: every page and panel is
// walked in `es`, and each visible text is compared with the English side of the builder's catalog
// (and of the nodes' titles and labels) wherever English and Spanish differ.

describe.skipIf(!hasChromium)('the builder in Spanish shows no English', () => {
  let session: BuilderSession;
  let omni: ServedOmniflow;
  let page: Page;
  let found: string[];
  let check: (where: string) => Promise<void>;
  let brokenFlow: string;
  let runId: string;

  beforeAll(async () => {
    session = await openBuilder({ locale: 'es-ES', viewport: { width: 1440, height: 900 } });
    ({ omni, page } = session);
    ({ found, check } = englishWatch(page));
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
      ['audit', 'audit log'],
      ['dashboard', 'live dashboard'],
      ['reports', 'reports'],
      ['report-schedules', 'scheduled reports'],
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
