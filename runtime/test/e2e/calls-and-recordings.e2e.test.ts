import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaces } from '@omniflow/db';
import { createFilesystemRecordingStore } from '../../src/recordings/filesystem-recording-store.ts';
import { recordCall } from '../../src/recordings/record-call.ts';
import { saveRecording } from '../../src/recordings/save-recording.ts';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, signIn, type BuilderSession } from '../support/builder-page.ts';
import { screenshot } from '../support/screenshot.ts';

// The runtime's tsconfig has no DOM library: functions that run in the page are given as text.
const scratch = mkdtempSync(join(tmpdir(), 'omniflow-voice-ui-'));

/** A WAV as the SIP endpoint records one: 8 kHz mono 16-bit, here a tone made by sox. */
function recordedWav(name: string, seconds: number, hz: number): string {
  const file = join(scratch, `${name}.wav`);
  execFileSync('sox', [
    '-n',
    '-r',
    '8000',
    '-c',
    '1',
    '-b',
    '16',
    file,
    'synth',
    String(seconds),
    'sine',
    String(hz),
  ]);
  return file;
}

const daysAgo = (days: number, hour: number, minute = 0) => {
  const d = new Date();
  d.setDate(d.getDate() - days);
  d.setHours(hour, minute, 0, 0);
  return d;
};
const plus = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000);

describe.skipIf(!hasChromium)('calls and recordings screens in Chromium', () => {
  let session: BuilderSession;
  let page: Page;
  let flowId: string;
  let callWithRecording: string;
  const store = createFilesystemRecordingStore({ dir: join(scratch, 'store') });

  beforeAll(async () => {
    session = await openBuilder(
      { viewport: { width: 1440, height: 900 } },
      { worker: false, appDeps: { recordingStore: store } },
    );
    page = session.page;
    const { omni } = session;
    const db = omni.handle.db;
    const workspaceId = (await db.select().from(workspaces))[0]!.id;
    const flow = await omni.call('POST', '/api/v1/flows', {
      name: 'Help desk IVR',
      nodes: [
        { id: 'start', type: 'voice.inbound-call', config: {}, label: 'Incoming call' },
        { id: 'menu', type: 'voice.menu', config: {}, label: 'Main menu' },
        { id: 'sales', type: 'voice.say', config: {}, label: 'Sales message' },
        { id: 'voicemail', type: 'voice.say', config: {}, label: 'Voicemail' },
      ],
      edges: [],
    });
    expect(flow.status).toBe(201);
    flowId = flow.body.id;

    // A week of calls: most answered and finished by the flow, some abandoned by the caller.
    let n = 0;
    for (let day = 6; day >= 0; day--) {
      if (day === 4) continue; // a quiet day: the chart shows it empty
      for (let i = 0; i < 2 + ((day * 3) % 5); i++) {
        const startedAt = daysAgo(day, 9 + i, 5 * i);
        const abandoned = (day + i) % 4 === 0;
        await recordCall(db, {
          workspaceId,
          callId: `seed-${n++}`,
          driver: 'sip',
          from: `+3460011${String(n).padStart(4, '0')}`,
          to: '900100200',
          startedAt,
          answeredAt: plus(startedAt, 2),
          endedAt: plus(startedAt, abandoned ? 14 : 75 + i * 10),
          flowId,
          path: abandoned ? ['start', 'menu'] : ['start', 'menu', 'sales'],
          digits: abandoned ? [] : [{ nodeId: 'menu', digits: '1' }],
          hangupSide: abandoned ? 'caller' : 'flow',
        });
      }
    }
    for (const [i, days] of [3, 2, 1].entries()) {
      await saveRecording(
        { db, store },
        {
          workspaceId,
          file: recordedWav(`older-${i}`, 1 + i, 300 + 100 * i),
          from: `+3460022${i}000`,
          to: '900100200',
          flowId,
          nodeId: 'voicemail',
          at: daysAgo(days, 12),
        },
      );
    }
    const startedAt = daysAgo(0, 16, 30);
    const call = await recordCall(db, {
      workspaceId,
      callId: 'seed-voicemail',
      driver: 'sip',
      from: '+34 699 000 111',
      to: '900100200',
      startedAt,
      answeredAt: plus(startedAt, 1),
      endedAt: plus(startedAt, 40),
      flowId,
      path: ['start', 'menu', 'voicemail'],
      digits: [{ nodeId: 'menu', digits: '9' }],
      hangupSide: 'caller',
    });
    callWithRecording = call.id;
    await saveRecording(
      { db, store },
      {
        workspaceId,
        file: recordedWav('voicemail', 3, 440),
        from: '+34 699 000 111',
        to: '900100200',
        callRecordId: call.id,
        flowId,
        nodeId: 'voicemail',
        at: plus(startedAt, 20),
      },
    );
  }, 180_000);
  afterAll(async () => {
    await session?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('lists calls with the calls-per-day chart, searches by number and opens a call with its path, digits and recording', async () => {
    const { omni } = session;
    await page.goto(omni.url);
    await signIn(session);
    await page.getByRole('link', { name: 'Calls', exact: true }).click();
    await page.getByRole('region', { name: 'Calls per day' }).waitFor();
    await expect.poll(() => page.locator('[data-call-id]').count()).toBeGreaterThan(20);
    const bars = page.getByRole('region', { name: 'Calls per day' }).getByRole('listitem');
    expect(await bars.count()).toBe(7);
    expect(await bars.nth(2).getAttribute('aria-label')).toMatch(/: 0 calls/);
    await screenshot(page, 'voice-calls');

    await page.getByLabel('Number').fill('+34 699 000 111');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => page.locator('[data-call-id]').count()).toBe(1);
    expect(await page.locator(`[data-call-id="${callWithRecording}"] [data-hangup]`).textContent()).toBe(
      'Caller',
    );
    await page.locator(`[data-call-id="${callWithRecording}"]`).click();

    await page.getByRole('heading', { name: 'Call from +34699000111 to 900100200' }).waitFor();
    const path = page.getByRole('region', { name: 'Path through the flow' });
    expect(await path.getByRole('list').textContent()).toBe('Incoming call→Main menu→Voicemail');
    expect(await page.getByRole('region', { name: 'Digits pressed' }).textContent()).toContain(
      '9at Main menu',
    );
    await page.getByRole('region', { name: 'Recordings' }).locator('audio').waitFor();
    await expect
      .poll(
        () =>
          page.evaluate<number>(`document.querySelector('[aria-labelledby=call-recordings] audio').duration`),
        { timeout: 15_000 },
      )
      .toBeCloseTo(3, 1);
    await screenshot(page, 'voice-call-detail');
  }, 120_000);

  it('plays a recording over Range, deletes one, and warns when usage passes 80 % of the quota', async () => {
    const { omni } = session;
    const ranges: { range: string | undefined; status: number }[] = [];
    page.on('response', (response) => {
      if (!/\/recordings\/[^/]+\/audio/.test(response.url())) return;
      ranges.push({ range: response.request().headers()['range'], status: response.status() });
    });
    await page.getByRole('link', { name: 'Recordings', exact: true }).click();
    await expect.poll(() => page.locator('[data-recording-id]').count()).toBe(4);

    // The browser's own player: Chromium asks for a byte range and gets 206, the length follows.
    await page.evaluate(`document.querySelector('[data-recording-id] audio').play().catch(() => undefined)`);
    await expect
      .poll(() => page.evaluate<number>(`document.querySelector('[data-recording-id] audio').duration`), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    await expect.poll(() => ranges.some((r) => r.range?.startsWith('bytes=') && r.status === 206)).toBe(true);
    const download = await page
      .locator('[data-recording-id]')
      .first()
      .getByRole('link', { name: 'Download' })
      .getAttribute('href');
    const saved = await page.evaluate(async (href) => {
      const response = await fetch(href!);
      return { status: response.status, disposition: response.headers.get('content-disposition') };
    }, download);
    expect(saved.status).toBe(200);
    expect(saved.disposition).toMatch(/^attachment; filename="recording-/);

    // Search by number, then delete that one after the confirmation.
    await page.getByLabel('Number').fill('+34600221000');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => page.locator('[data-recording-id]').count()).toBe(1);
    await page.locator('[data-recording-id]').getByRole('button', { name: 'Delete' }).click();
    await page
      .getByRole('dialog', { name: 'Delete this recording?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page.getByText('No recordings match this search.').waitFor();
    expect((await omni.call('GET', '/api/v1/recordings')).body.items).toHaveLength(3);
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => page.locator('[data-recording-id]').count()).toBe(3);

    // A small quota the recordings fill to 90 %: the banner says so.
    const used: number = (await omni.call('GET', '/api/v1/recordings/usage')).body.bytes;
    expect(
      (await omni.call('PUT', '/api/v1/recordings/quota', { quotaBytes: Math.ceil(used / 0.9) })).status,
    ).toBe(200);
    await page.getByRole('button', { name: 'Refresh' }).click();
    const warning = page.getByTestId('quota-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/Recordings take 90 % of the quota/);
    await screenshot(page, 'voice-recordings');

    // The admin raises it from the screen; a bad size is refused before the API.
    const quota = page.getByLabel('Quota', { exact: true });
    await quota.fill('-3');
    expect(await page.getByRole('button', { name: 'Change quota' }).isDisabled()).toBe(true);
    await quota.fill('5');
    await page.getByLabel('Unit').selectOption('MB');
    await page.getByRole('button', { name: 'Change quota' }).click();
    await page.getByText('Quota saved').waitFor();
    await expect.poll(() => warning.count()).toBe(0);
    expect((await omni.call('GET', '/api/v1/recordings/usage')).body.quotaBytes).toBe(5_000_000);

    // Delete by date: the dialog counts what the range holds before it deletes.
    await page.getByRole('button', { name: 'Delete by date' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete recordings by date' });
    const until = daysAgo(2, 0);
    const pad = (n: number) => String(n).padStart(2, '0');
    await dialog
      .getByLabel('Until')
      .fill(`${until.getFullYear()}-${pad(until.getMonth() + 1)}-${pad(until.getDate())}T00:00`);
    await dialog.getByText(/^Recordings to delete: 1 \(16 KB\)/).waitFor();
    await dialog.getByRole('button', { name: 'Delete them (1)' }).click();
    await page.getByText('Recordings deleted: 1').waitFor();
    await expect.poll(() => page.locator('[data-recording-id]').count()).toBe(2);

    // The same screens in Spanish.
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { name: 'Grabaciones' }).waitFor();
    await page.getByRole('heading', { name: 'Almacenamiento' }).waitFor();
    await page.getByRole('link', { name: 'Llamadas', exact: true }).click();
    await page.getByRole('region', { name: 'Llamadas por día' }).waitFor();
    expect(await page.locator('[data-hangup="caller"]').first().textContent()).toBe('Quien llama');
    await page.getByLabel('Idioma').selectOption('en');
  }, 120_000);
});
