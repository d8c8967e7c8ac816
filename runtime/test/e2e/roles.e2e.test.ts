import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, users } from '@omniflow/db';
import { hashPassword } from '../../src/auth/passwords.ts';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, type BuilderSession } from '../support/builder-page.ts';
import { screenshot } from '../support/screenshot.ts';

describe.skipIf(!hasChromium)('builder in Chromium: what a role is offered', () => {
  let session: BuilderSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBuilder();
    page = session.page;
    const workspace = await session.omni.handle.db.query.workspaces.findFirst();
    await session.omni.handle.db.insert(users).values({
      id: newId(),
      workspaceId: workspace!.id,
      email: 'lector@example.test',
      passwordHash: await hashPassword('lector password'),
      role: 'viewer',
    });
  }, 180_000);
  afterAll(async () => session?.close());

  const menu = () => page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();

  it('shows a viewer only the pages their role opens, and says so on one it does not', async () => {
    await page.goto(session.omni.url);
    await page.getByLabel('Email').fill('lector@example.test');
    await page.getByLabel('Password').fill('lector password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Flows' }).waitFor();
    // A viewer reads the dashboard and reports too (reports:read).
    await expect
      .poll(menu)
      .toEqual([
        'Flows',
        'Dashboard',
        'Runs',
        'Calls',
        'Contacts',
        'Templates',
        'Segments',
        'Campaigns',
        'Reports',
        'Settings',
      ]);
    // Reading flows, but no way to make one.
    expect(await page.getByRole('button', { name: 'New flow' }).count()).toBe(0);

    await page.goto(`${session.omni.url}/#/recordings`);
    await page.getByRole('heading', { name: 'Not available to your role' }).waitFor();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.getByRole('heading', { name: 'No disponible para tu rol' }).waitFor();
    expect(await page.getByText('Tu rol (lector) no abre esta página').count()).toBe(1);
    await screenshot(page, 'role-not-allowed');

    // The server refuses what the page does not offer, in the same words about who may.
    const refused = await page.evaluate(async () => {
      const response = await fetch('/api/v1/flows', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'es' },
        body: '{}',
      });
      const { error } = (await response.json()) as { error: { message: string } };
      return { status: response.status, message: error.message };
    });
    expect(refused.status).toBe(403);
    expect(refused.message).toMatch(
      /^Tu rol \(lector\) no permite crear, cambiar o borrar flujos: pueden hacerlo administrador o diseñador; pídeselo/,
    );
  }, 120_000);
});
