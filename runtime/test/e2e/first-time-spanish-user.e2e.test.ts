import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WhatsAppDriver } from '@omniflow/nodes/drivers/whatsapp';
import { FakeGraphApi } from '@omniflow/nodes/drivers/whatsapp/testing';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxDrivers } from '../../src/messaging/sandbox-drivers.ts';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, type BuilderSession } from '../support/builder-page.ts';
import { englishWatch } from '../support/english-in-spanish.ts';
import { screenshot } from '../support/screenshot.ts';
import { eventually, latestRunOf, runReaches } from '../support/test-omniflow.ts';

// Issue #15's "done when": a first-time user, in Spanish, opens the example IVR and the WhatsApp
// appointment bot from the gallery, changes them with the mouse, tests the IVR by voice on the
// browser phone and the bot on the editor's chat, and publishes both — using only what the screen
// shows (Spanish labels), with no English catalog string on any screen visited. The published bot
// then answers a real WhatsApp Cloud API webhook (the fake Graph API of the WhatsApp driver).

const whatsApp = { accessToken: 'test-token', appSecret: 'app-secret', phoneNumberId: '106540352242922' };
const weekdays = ['Lunes', 'Martes', 'Miércoles', 'Jueves', 'Viernes', 'Sábado', 'Domingo'];

// Run in the page (as source text: this file is type-checked without the DOM library).
const phoneAudio = `document.querySelector('[data-testid="browser-phone-audio"]')`;

describe.skipIf(!hasChromium)(
  'a first-time user in Spanish builds, tests and publishes with the mouse',
  () => {
    let session: BuilderSession;
    let page: Page;
    let graph: FakeGraphApi;
    let work: string;
    let english: ReturnType<typeof englishWatch>;

    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'omniflow-first-time-e2e-'));
      // The caller's voice: Chromium loops this file as the microphone.
      const spoken = join(work, 'spoken.wav');
      const voice = join(work, 'voice.wav');
      execFileSync('espeak-ng', ['-v', 'es', '-w', spoken, 'Hola, quiero saber el horario']);
      execFileSync('sox', [spoken, '-r', '48000', '-c', '1', '-b', '16', voice]);
      graph = await FakeGraphApi.start(whatsApp);
      const whatsAppDriver = new WhatsAppDriver({
        ...whatsApp,
        baseUrl: graph.url,
        apiVersion: 'v21.0',
        verifyToken: 'verify-me',
      });
      session = await openBuilder(
        // A Spanish browser: the builder takes its language from it, nothing is set by hand.
        { locale: 'es-ES', viewport: { width: 1440, height: 900 } },
        {
          browserPhone: { promptDir: join(work, 'prompts') },
          channels: { ...sandboxDrivers(), whatsapp: whatsAppDriver },
        },
        {
          tour: true,
          browserArgs: [
            '--use-fake-device-for-media-stream',
            '--use-fake-ui-for-media-stream',
            `--use-file-for-fake-audio-capture=${voice}`,
            '--autoplay-policy=no-user-gesture-required',
          ],
        },
      );
      page = session.page;
      english = englishWatch(page);
    }, 240_000);

    afterAll(async () => {
      await session?.close();
      await graph?.close();
      if (work) await rm(work, { recursive: true, force: true });
    });

    const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
    const saved = () =>
      page.locator('[data-testid="save-state"][data-state="saved"]').waitFor({ timeout: 20_000 });
    const nodeIds = () =>
      // Typed by hand: the runtime's typecheck has no DOM library.
      page
        .locator('.react-flow__node')
        .evaluateAll((els) => els.map((el) => (el as unknown as { dataset: { id: string } }).dataset.id));

    /** Where an element is once it stops moving (a fit or layout animation may still run). */
    async function settledBox(locator: Locator) {
      let last = '';
      await expect
        .poll(
          async () => {
            const now = JSON.stringify(await locator.boundingBox());
            const still = now === last && now !== 'null';
            last = now;
            return still;
          },
          { interval: 100, timeout: 10_000 },
        )
        .toBe(true);
      return JSON.parse(last) as { x: number; y: number; width: number; height: number };
    }

    const centre = (box: { x: number; y: number; width: number; height: number }) => ({
      x: box.x + box.width / 2,
      y: box.y + box.height / 2,
    });

    /** A click as a hand makes it: the pointer travels there, then presses. */
    async function mouseClick(locator: Locator) {
      await locator.scrollIntoViewIfNeeded();
      const at = centre(await settledBox(locator));
      await page.mouse.move(at.x, at.y, { steps: 5 });
      await page.mouse.click(at.x, at.y);
    }

    /** Drags a node from the palette (found by its Spanish title) onto the canvas; answers its id. */
    async function dragFromPalette(title: string, to: { x: number; y: number }): Promise<string> {
      await page.getByRole('searchbox', { name: 'Buscar nodos' }).fill(title);
      const item = page.getByRole('button', { name: `Añadir nodo: ${title}`, exact: true });
      const before = new Set(await nodeIds());
      for (let attempt = 1; ; attempt++) {
        const from = centre(await settledBox(item));
        await page.mouse.move(from.x, from.y, { steps: 4 });
        await page.mouse.down();
        await page.mouse.move(from.x + 40, from.y + 10, { steps: 4 });
        await page.mouse.move(to.x, to.y, { steps: 12 });
        await page.mouse.up();
        try {
          await expect.poll(async () => (await nodeIds()).length, { timeout: 3000 }).toBe(before.size + 1);
          break;
        } catch (error) {
          if (attempt === 4) throw error;
        }
      }
      await page.getByRole('searchbox', { name: 'Buscar nodos' }).fill('');
      return (await nodeIds()).find((id) => !before.has(id))!;
    }

    // A drag from one handle to another, retried if it missed: on a loaded machine the canvas may
    // still be settling from a fit or layout animation when the pointer goes down.
    async function connect(from: string, port: string, to: string) {
      const edges = page.locator('.react-flow__edge');
      const before = await edges.count();
      for (let attempt = 1; ; attempt++) {
        const source = page.locator(
          `.react-flow__handle.source[data-nodeid="${from}"][data-handleid="${port}"]`,
        );
        const target = page.locator(`.react-flow__handle.target[data-nodeid="${to}"]`);
        const a = centre(await settledBox(source));
        const b = centre(await settledBox(target));
        await page.mouse.move(a.x, a.y, { steps: 4 });
        await page.mouse.down();
        await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 6 });
        await page.mouse.move(b.x, b.y, { steps: 6 });
        await page.mouse.up();
        try {
          await expect.poll(() => edges.count(), { timeout: 3000 }).toBe(before + 1);
          return;
        } catch (error) {
          if (attempt === 4) throw error;
        }
      }
    }

    /** Drags a card by its middle to another place on the canvas; answers how far it moved. */
    async function dragCard(id: string, by: { x: number; y: number }) {
      const start = centre(await settledBox(node(id)));
      await page.mouse.move(start.x, start.y, { steps: 4 });
      await page.mouse.down();
      await page.mouse.move(start.x + by.x / 2, start.y + by.y / 2, { steps: 6 });
      await page.mouse.move(start.x + by.x, start.y + by.y, { steps: 6 });
      await page.mouse.up();
      const end = centre(await settledBox(node(id)));
      return { x: end.x - start.x, y: end.y - start.y };
    }

    /** Arrange and fit, by the toolbar's buttons, then wait for the cards to stop moving. */
    async function arrangeAndFit() {
      await mouseClick(page.getByRole('button', { name: 'Ordenar', exact: true }));
      await mouseClick(page.getByRole('button', { name: 'Ajustar', exact: true }));
      await settledBox(page.locator('.react-flow__viewport'));
    }

    async function publish(notes: string, version: number) {
      await saved();
      // The dialog can miss a click that lands while a save is still in flight: ask again until it opens.
      const dialog = page.getByRole('dialog', { name: 'Publicar una versión nueva' });
      await expect
        .poll(
          async () => {
            if ((await dialog.count()) === 0)
              await mouseClick(page.getByRole('button', { name: 'Publicar' }));
            return dialog.count();
          },
          { timeout: 20_000 },
        )
        .toBe(1);
      await dialog.getByLabel('Qué cambió (notas)').fill(notes);
      await english.check('publish dialog');
      await mouseClick(dialog.getByRole('button', { name: 'Publicar' }));
      await page.getByText(`Versión ${version} publicada`).waitFor({ timeout: 20_000 });
    }

    const flowIdInUrl = () => page.url().split('/').pop()!;

    it('opens the example IVR from the gallery, adds an option with the mouse, calls it by voice and publishes it', async () => {
      await page.goto(session.omni.url);
      await english.check('sign-in');
      await page.getByLabel('Correo electrónico').fill(session.omni.admin.email);
      await page.getByLabel('Contraseña').fill(session.omni.admin.password);
      await mouseClick(page.getByRole('button', { name: 'Entrar' }));

      // First start: the gallery is what the list of flows shows.
      const gallery = page.getByTestId('templates-gallery');
      await gallery.getByRole('heading', { name: 'Empieza con una plantilla' }).waitFor();
      await english.check('gallery on first start');
      await mouseClick(
        gallery.getByRole('button', { name: 'Usar la plantilla «Mesa de ayuda telefónica (IVR)»' }),
      );
      await expect.poll(flowIdInUrl).toMatch(/^[0-9a-f-]{36}$/);
      const flowId = flowIdInUrl();

      // The guided tour greets the first visit; read one step, then skip it.
      const tour = page.getByRole('dialog', { name: 'Visita guiada' });
      await tour.waitFor();
      await english.check('guided tour');
      await mouseClick(tour.getByRole('button', { name: 'Siguiente' }));
      await mouseClick(tour.getByRole('button', { name: 'Saltar la visita' }));
      await expect.poll(() => tour.count()).toBe(0);
      await node('menu').waitFor();
      await english.check('the IVR on the canvas');
      // The draft speaks Spanish, as the gallery was in Spanish: nothing to choose first.
      expect(await page.getByRole('combobox', { name: /^Habla/ }).inputValue()).toBe('es');

      // Open the help desk all day, every day, so it can be called now whatever the hour: the
      // schedule is edited on the business-hours card's inspector, day by day.
      await mouseClick(node('hours'));
      for (const day of weekdays) {
        const group = page.getByRole('group', { name: day, exact: true });
        if ((await group.getByRole('textbox', { name: /^Abre/ }).count()) === 0)
          await mouseClick(group.getByRole('button', { name: `Añadir fila a ${day}` }));
        await group.getByRole('textbox', { name: /^Abre/ }).fill('00:00');
        await group.getByRole('textbox', { name: /^Cierra/ }).fill('24:00');
      }
      await english.check('inspector of the business hours');

      // A third option in the menu: its prompt says so, and its port takes the option's name.
      await mouseClick(node('menu'));
      await page
        .getByRole('combobox', { name: 'Locución', exact: true })
        .fill('Pulse 1 para ventas, 2 para soporte, 3 para conocer nuestro horario');
      await mouseClick(page.getByRole('button', { name: 'Añadir fila a Opciones' }));
      const third = page.getByRole('group', { name: 'Opciones n.º 3', exact: true });
      await third.getByRole('textbox', { name: /^Tecla/ }).fill('3');
      await third.getByRole('textbox', { name: /^Etiqueta/ }).fill('Horario');
      await page.locator('.react-flow__handle.source[data-nodeid="menu"][data-handleid="horario"]').waitFor();
      await english.check('inspector of the menu');

      // A "Decir" node dragged in from the palette, wired from the new option and on to the hang-up.
      const pane = await settledBox(page.locator('.react-flow__pane'));
      const hoursSay = await dragFromPalette('Decir', { x: pane.x + 200, y: pane.y + pane.height - 140 });
      await mouseClick(node(hoursSay));
      await page
        .getByRole('combobox', { name: /^Texto/ })
        .fill('Abrimos de lunes a viernes, de nueve a seis.');
      await arrangeAndFit();
      await connect('menu', 'horario', hoursSay);
      await connect(hoursSay, 'next', 'bye');
      await arrangeAndFit();
      await saved();
      await page.getByText('No hay problemas').waitFor();
      await english.check('the changed IVR');

      // Test run on a voice flow is the browser phone: call the draft, hear the menu, press 3.
      await mouseClick(page.getByRole('tab', { name: 'Ejecución de prueba' }));
      await english.check('the browser phone, before the call');
      // Setting up the call (ICE, DTLS-SRTP in the server's TypeScript WebRTC) is slow on a busy
      // machine: wait long, and say the panel's words if the call ended instead.
      const phoneState = page.locator('[data-testid="browser-phone-state"]');
      await mouseClick(page.getByRole('button', { name: 'Llamar al borrador' }));
      await expect
        .poll(
          async () => {
            const state = await phoneState.getAttribute('data-state');
            if (state === 'ended')
              throw new Error(`The call ended: ${await page.getByRole('alert').allTextContents()}`);
            return state;
          },
          { timeout: 90_000, interval: 250 },
        )
        .toBe('inCall');
      await page.waitForFunction(`${phoneAudio}?.srcObject?.getAudioTracks().length > 0`);
      await page.evaluate(`(() => {
      const context = new AudioContext();
      const analyser = context.createAnalyser();
      analyser.fftSize = 2048;
      context.createMediaStreamSource(${phoneAudio}.srcObject).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      window.phoneLevels = [];
      setInterval(() => {
        analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        for (const s of samples) sum += s * s;
        window.phoneLevels.push(Math.sqrt(sum / samples.length));
      }, 50);
    })()`);
      const loudSince = (from: number) =>
        page.evaluate<number>(`window.phoneLevels.slice(${from}).filter((l) => l > 0.02).length`);
      const samples = () => page.evaluate<number>('window.phoneLevels.length');
      await expect.poll(() => loudSince(0), { timeout: 30_000 }).toBeGreaterThan(10);
      await english.check('the browser phone, in a call');
      // The menu has spoken when the line falls quiet; then the key.
      await expect
        .poll(
          async () => {
            const total = await samples();
            return total > 20 && (await loudSince(total - 20)) === 0;
          },
          { timeout: 60_000 },
        )
        .toBe(true);
      const beforeKey = await samples();
      await mouseClick(page.getByRole('button', { name: 'Pulsar 3' }));
      await page.getByText('Has pulsado 3').waitFor();
      // The new node's prompt, heard; the call hangs up after it and the path lights on the canvas.
      await expect.poll(() => loudSince(beforeKey), { timeout: 30_000 }).toBeGreaterThan(10);
      await page
        .locator('[data-testid="browser-phone-state"][data-state="ended"]')
        .waitFor({ timeout: 60_000 });
      for (const id of ['call', 'hours', 'menu', hoursSay, 'bye'])
        await expect
          .poll(() => node(id).locator('[data-highlighted="true"]').count(), { timeout: 20_000 })
          .toBe(1);
      expect(await node('sales').locator('[data-highlighted="true"]').count()).toBe(0);
      await english.check('the browser phone, after the call');
      const runLink = await page
        .getByRole('link', { name: 'Ver la ejecución de esta llamada' })
        .getAttribute('href');
      const run = await session.omni.call('GET', `/api/v1/runs/${runLink!.replace('#/runs/', '')}`);
      expect(run.body).toMatchObject({ status: 'completed', flowId });

      await mouseClick(page.getByRole('tab', { name: 'Inspector' }));
      await publish('Opción 3: el horario', 1);
      await english.check('the IVR, published');
      const published = await session.omni.call('GET', `/api/v1/flows/${flowId}`);
      expect(published.body.latestVersion).toBe(1);
      const menu = published.body.draft.nodes.find((n: { id: string }) => n.id === 'menu');
      expect(menu.config.options).toContainEqual({ digit: '3', id: 'horario', label: 'Horario' });
      expect(english.found, `English on the Spanish screens:\n${english.found.join('\n')}`).toEqual([]);
    }, 400_000);

    it('makes the WhatsApp appointment bot from the gallery, adjusts it, chats with it, publishes it, and it answers WhatsApp', async () => {
      await mouseClick(page.getByRole('link', { name: 'Flujos', exact: true }));
      await mouseClick(page.getByRole('button', { name: 'Nuevo flujo' }));
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('heading', { name: 'Empieza con una plantilla' }).waitFor();
      await english.check('the gallery behind Nuevo flujo');
      await mouseClick(dialog.getByRole('button', { name: 'Usar la plantilla «Bot de citas (WhatsApp)»' }));
      await node('slot').waitFor();
      const flowId = flowIdInUrl();
      await english.check('the appointment bot on the canvas');

      // With the mouse: move the "could not book" card out of the way, and give people two hours to
      // answer instead of thirty minutes (a number and a unit, never PT2H).
      const moved = await dragCard('sorry', { x: 0, y: 140 });
      expect(moved.y).toBeGreaterThan(60);
      await mouseClick(node('slot'));
      const wait = page.getByRole('spinbutton', { name: /^Esperar como máximo/ });
      expect(await wait.inputValue()).toBe('30');
      await wait.fill('2');
      await page.getByRole('combobox', { name: 'Unidad' }).selectOption({ label: 'horas' });
      await english.check('inspector of the question');
      // The options say what they are in Spanish ("Texto del botón"), not "Title".
      await page
        .getByRole('textbox', { name: /^Texto del botón/ })
        .first()
        .waitFor();
      // Their ids (the answer saved) are made from that text, under the closed "Avanzado".
      expect(
        await page
          .getByRole('textbox', { name: /^Id \(se guarda como respuesta\)/ })
          .first()
          .isVisible(),
      ).toBe(false);
      await saved();
      await wait.evaluate((el) =>
        (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'center' }),
      );
      await wait.focus();
      await screenshot(page, 'duration-picker');
      await mouseClick(node('confirm'));
      await page
        .getByRole('combobox', { name: /^Texto/ })
        .fill('¡Listo! Te esperamos el {{ nodes.day.output.answer }}. Hasta pronto.');
      await saved();
      await page.getByText('No hay problemas').waitFor();
      const draft = await session.omni.call('GET', `/api/v1/flows/${flowId}`);
      expect(draft.body.draft.nodes.find((n: { id: string }) => n.id === 'slot').config.timeout).toBe('PT2H');

      // The node's help opens its documentation page in another tab, in Spanish.
      const [docs] = await Promise.all([
        page.context().waitForEvent('page'),
        mouseClick(
          page.getByRole('link', { name: 'Documentación de «Enviar mensaje» (se abre en otra pestaña)' }),
        ),
      ]);
      await docs.getByRole('heading', { name: 'Enviar mensaje', level: 1 }).waitFor();
      const docsEnglish = englishWatch(docs);
      await docsEnglish.check('the node’s documentation page');
      // "English" is the link to the other language, named in it.
      expect(docsEnglish.found.filter((line) => !/“English”/.test(line))).toEqual([]);
      await docs.getByText('enviado', { exact: true }).waitFor();
      await docs.setViewportSize({ width: 1200, height: 900 });
      await screenshot(docs, 'user-guide-node');
      await docs.close();

      // Test run on a chat flow is a phone in the editor: write "cita", tap a button, give a day.
      await mouseClick(page.getByRole('tab', { name: 'Ejecución de prueba' }));
      const phone = page.getByRole('region', { name: /Tú, por WhatsApp/ });
      await english.check('the chat test, before writing');
      await phone.getByLabel('Mensaje').fill('cita');
      await mouseClick(phone.getByRole('button', { name: 'Enviar' }));
      await phone.getByText('¡Hola! ¿Cuándo te viene mejor la cita?').waitFor({ timeout: 30_000 });
      await mouseClick(phone.getByRole('button', { name: 'Por la mañana' }));
      await phone.getByText('¿Qué día? Escríbelo así: 25/03/2027.').waitFor({ timeout: 30_000 });
      await phone.getByLabel('Mensaje').fill('25/03/2027');
      await mouseClick(phone.getByRole('button', { name: 'Enviar' }));
      await phone.getByText(/Te esperamos el .+\. Hasta pronto\./).waitFor({ timeout: 30_000 });
      await page.locator('[data-testid="sim-status"][data-status="completed"]').waitFor({ timeout: 30_000 });
      for (const id of ['hi', 'slot', 'day', 'confirm', 'end'])
        await expect
          .poll(() => node(id).locator('[data-highlighted="true"]').count(), { timeout: 20_000 })
          .toBe(1);
      await english.check('the chat test, after the conversation');

      await mouseClick(page.getByRole('tab', { name: 'Inspector' }));
      await publish('Dos horas para contestar', 1);
      expect(english.found, `English on the Spanish screens:\n${english.found.join('\n')}`).toEqual([]);

      // The published bot answers a person on WhatsApp: a signed Cloud API webhook, its buttons back.
      const webhook = `${session.omni.url}/api/v1/webhooks/whatsapp`;
      expect((await graph.userSends(webhook, '+34600444001', { text: 'Cita, por favor' })).status).toBe(200);
      const runId = await eventually(() => latestRunOf(session.omni, '+34600444001'), 30_000);
      await runReaches(session.omni, runId, ['waiting']);
      const question = graph.sent.find((s) => s.waId === '34600444001')!;
      expect(question.body).toMatchObject({
        type: 'interactive',
        interactive: {
          body: { text: '¡Hola! ¿Cuándo te viene mejor la cita?' },
          action: { buttons: [{ reply: { title: 'Por la mañana' } }, { reply: { title: 'Por la tarde' } }] },
        },
      });
      // A message that is not the keyword starts nothing (a bad input the bot must not answer).
      await graph.userSends(webhook, '+34600444002', { text: 'hola' });
      await graph.userSends(webhook, '+34600444001', {
        buttonReply: { id: 'afternoon', title: 'Por la tarde' },
      });
      await eventually(async () =>
        graph.sent.some((s) => s.waId === '34600444001' && JSON.stringify(s.body).includes('¿Qué día?'))
          ? true
          : undefined,
      );
      expect(graph.sent.some((s) => s.waId === '34600444002')).toBe(false);
    }, 400_000);
  },
);
