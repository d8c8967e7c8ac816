import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpSink } from '@omniflow/nodes/drivers/email/testing';
import { channelResolverOf } from '../../src/api/channel-resolver-of.ts';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, type BuilderSession } from '../support/builder-page.ts';
import { screenshot } from '../support/screenshot.ts';

describe.skipIf(!hasChromium)('builder in Chromium: scheduled reports, in Spanish', () => {
  let session: BuilderSession;
  let page: Page;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    session = await openBuilder({ locale: 'es-ES', viewport: { width: 1440, height: 900 } });
    page = session.page;
    const saved = await session.omni.call('PUT', '/api/v1/channels/email', {
      provider: 'smtp',
      config: {
        host: '127.0.0.1',
        port: sink.port,
        security: 'none',
        fromAddress: 'informes@omniflow.test',
        fromName: 'Informes Omniflow',
      },
    });
    expect(saved.status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await channelResolverOf(session?.omni.deps)?.close();
    await session?.close();
    await sink?.close();
  });

  it('schedules a report from the Reports page with the mouse, sends it now and sees it sent', async () => {
    await page.goto(session.omni.url);
    await page.getByLabel('Correo electrónico').fill(session.omni.admin.email);
    await page.getByLabel('Contraseña').fill(session.omni.admin.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('link', { name: 'Informes', exact: true }).click();
    await page.getByRole('link', { name: 'Informes programados' }).click();
    await page.getByRole('heading', { name: 'Informes programados' }).waitFor();

    await page.getByRole('button', { name: 'Programar un informe' }).click();
    // The picker offers each report by its Spanish title, not its name.
    // (The first select of the form; its label's text also holds the option shown.)
    await page.locator('form select').first().selectOption({ label: 'Tráfico de llamadas entrantes' });
    await page.getByLabel('Archivo').selectOption({ label: 'PDF' });
    await page
      .getByLabel('Destinatarios (una dirección de correo por línea)')
      .fill('jefa@example.test\nanalista@example.test');
    await page.getByRole('button', { name: 'Guardar' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Tráfico de llamadas entrantes' });
    await row.waitFor();
    expect(await page.getByRole('table').textContent()).not.toContain('call-traffic');

    await row.getByRole('button', { name: 'Enviar ahora' }).click();
    await expect
      .poll(() => row.getByTestId('last-delivery').textContent(), { timeout: 60_000 })
      .toMatch(/^Enviado /);
    await expect.poll(() => sink.mailsTo('jefa@example.test').length, { timeout: 10_000 }).toBe(1);
    expect(sink.mailsTo('analista@example.test')).toHaveLength(1);
    await screenshot(page, 'report-schedules');
  }, 120_000);

  it('shows the server’s refusal in Spanish when a recipient is not an address', async () => {
    await page.getByRole('button', { name: 'Programar un informe' }).click();
    await page.getByLabel('Destinatarios (una dirección de correo por línea)').fill('no-es-correo');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 }).toMatch(/correo/i);
    await page.getByRole('button', { name: 'Cancelar' }).click();
  }, 60_000);
});
