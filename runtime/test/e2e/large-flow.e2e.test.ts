import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHandles, nodeSize } from '@omniflow/builder/node-geometry';
import { generateGraph } from '../../bench/generate-graph.ts';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, signIn, type BuilderSession } from '../support/builder-page.ts';

interface DrawnHandle {
  nodeId: string;
  id: string | null;
  type: 'source' | 'target';
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every drawn handle's box relative to its node's card, in flow units (as React Flow measures). */
async function drawnHandles(
  page: Page,
): Promise<{ handles: DrawnHandle[]; ports: Record<string, string[]>; lines: Record<string, number> }> {
  // In-page code as text: it runs in the browser, which this package's types do not describe.
  return page.evaluate(`(() => {
    const viewport = document.querySelector('.react-flow__viewport');
    const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
    const handles = [];
    const ports = {};
    const lines = {};
    for (const node of document.querySelectorAll('.react-flow__node')) {
      const box = node.getBoundingClientRect();
      const id = node.getAttribute('data-id');
      ports[id] = [...node.querySelectorAll('[data-port]')].map((li) => li.getAttribute('data-port'));
      lines[id] = node.querySelectorAll('[data-node-summary] li').length;
      for (const handle of node.querySelectorAll('.react-flow__handle')) {
        const h = handle.getBoundingClientRect();
        handles.push({
          nodeId: id,
          id: handle.getAttribute('data-handleid'),
          type: handle.classList.contains('source') ? 'source' : 'target',
          x: (h.left - box.left) / zoom,
          y: (h.top - box.top) / zoom,
          width: h.width / zoom,
          height: h.height / zoom,
        });
      }
    }
    return { handles, ports, lines };
  })()`);
}

describe.skipIf(!hasChromium)('a 500-node flow in Chromium', () => {
  let session: BuilderSession;
  let flowId: string;
  beforeAll(async () => {
    session = await openBuilder({ viewport: { width: 1440, height: 900 } });
    const created = await session.omni.call('POST', '/api/v1/flows', generateGraph(500));
    expect(created.status).toBe(201);
    flowId = created.body.id;
    await session.page.goto(session.omni.url);
    await signIn(session);
    await session.page.getByRole('heading', { name: 'Flows' }).waitFor();
  }, 180_000);
  afterAll(async () => session?.close());

  it('opens on its start at a readable zoom, drawing only the nodes in view', async () => {
    const { page, omni } = session;
    await page.goto(`${omni.url}/#/flows/${flowId}`);
    await page.locator('.react-flow__node[data-id="start"]').click();
    // The node's id shows only with technical details asked for.
    await page.getByRole('checkbox', { name: 'Show technical details' }).check();
    await page.getByText('ID start').waitFor();
    const drawn = await page.locator('.react-flow__node').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(150);
    // The minimap still shows the whole flow.
    expect(await page.locator('.react-flow__minimap-node').count()).toBe(500);

    // "Fit" shows all of it.
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await expect.poll(() => page.locator('.react-flow__node').count(), { timeout: 20_000 }).toBe(500);
  }, 120_000);

  it('tells React Flow where each handle is exactly where the card draws it', async () => {
    const { handles, ports, lines } = await drawnHandles(session.page);
    expect(handles.length).toBeGreaterThan(500);
    for (const drawn of handles) {
      const nodePorts = ports[drawn.nodeId]!;
      const summaryLines = lines[drawn.nodeId]!;
      const expected = nodeHandles(
        nodePorts,
        drawn.nodeId === 'start',
        nodeSize(nodePorts.length, summaryLines),
        summaryLines,
      ).find((h) => h.type === drawn.type && (h.id ?? null) === (drawn.type === 'target' ? null : drawn.id));
      expect(expected, `${drawn.nodeId} ${drawn.type} ${drawn.id}`).toBeDefined();
      for (const key of ['x', 'y', 'width', 'height'] as const)
        expect(Math.abs(drawn[key] - expected![key]!), `${drawn.nodeId} ${drawn.id} ${key}`).toBeLessThan(
          0.6,
        );
    }
  }, 60_000);

  it('draws each card the size node-geometry says', async () => {
    const sizes = (await session.page.evaluate(`(() => {
      const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')).transform).a;
      return [...document.querySelectorAll('.react-flow__node')].slice(0, 50).map((node) => {
        const box = node.getBoundingClientRect();
        return {
          ports: node.querySelectorAll('[data-port]').length,
          lines: node.querySelectorAll('[data-node-summary] li').length,
          width: box.width / zoom,
          height: box.height / zoom,
        };
      });
    })()`)) as { ports: number; lines: number; width: number; height: number }[];
    for (const size of sizes) {
      const expected = nodeSize(size.ports, size.lines);
      expect(Math.abs(size.width - expected.width)).toBeLessThan(0.6);
      expect(Math.abs(size.height - expected.height)).toBeLessThan(0.6);
    }
  });
});
