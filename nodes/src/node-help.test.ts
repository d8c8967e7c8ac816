import { describe, expect, it } from 'vitest';
import { builtinNodes } from './index.ts';
import { buildCatalog } from './sdk/catalog.ts';
import type { CatalogEntry } from './sdk/catalog.ts';
import type { NodeSummaryLine } from './sdk/types.ts';

// The builder's node help and cards read these from the catalog: a new node without them shows an
// unexplained port or a card with nothing on it, so these tests fail first.
const catalog = buildCatalog(builtinNodes);

function configFields(entry: CatalogEntry): Record<string, { type?: string; items?: unknown }> {
  return (entry.configSchema as { properties?: Record<string, { type?: string }> }).properties ?? {};
}

function fieldsNamed(line: NodeSummaryLine): string[] {
  if ('rows' in line) return [line.rows];
  return line.before ? [line.field, line.before] : [line.field];
}

describe('help and cards of the builtin nodes', () => {
  it.each(catalog.map((e) => [e.type, e] as const))(
    '%s explains every fixed port in en and es',
    (_t, entry) => {
      for (const port of entry.ports) {
        const text = entry.portDescriptions.find((d) => d.port === port)?.text;
        expect(text?.en.trim(), `port ${port} has no English description`).toBeTruthy();
        expect(text?.es.trim(), `port ${port} has no Spanish description`).toBeTruthy();
      }
      // A description of a port the node does not have is a renamed port left behind.
      expect(entry.portDescriptions.map((d) => d.port).filter((p) => !entry.ports.includes(p))).toEqual([]);
      if (entry.portRows) {
        expect(entry.rowPortDescription?.en.trim()).toBeTruthy();
        expect(entry.rowPortDescription?.es.trim()).toBeTruthy();
      }
    },
  );

  it.each(builtinNodes.map((d) => [d.type, d] as const))(
    '%s declares what its card shows',
    (_t, definition) => {
      expect(
        definition.summary,
        'summary: [] says "nothing to show"; leaving it out is forgetting',
      ).toBeDefined();
    },
  );

  it.each(catalog.map((e) => [e.type, e] as const))(
    '%s summarises only fields its config has',
    (_t, entry) => {
      const fields = configFields(entry);
      for (const line of entry.summary) {
        for (const name of fieldsNamed(line)) expect(Object.keys(fields), `${name}`).toContain(name);
        if ('rows' in line) {
          const rowFields = Object.keys(
            (fields[line.rows]?.items as { properties?: Record<string, unknown> } | undefined)?.properties ??
              {},
          );
          for (const shown of line.show)
            expect(rowFields).toContain(typeof shown === 'string' ? shown : shown.field);
        }
        if (line.label) {
          expect(line.label.en.trim()).toBeTruthy();
          expect(line.label.es.trim()).toBeTruthy();
        }
      }
    },
  );

  it('gives every builtin node an icon of its own', () => {
    const icons = catalog.map((e) => e.icon);
    expect(icons.filter((icon, i) => icons.indexOf(icon) !== i)).toEqual([]);
  });

  it('finds a missing port description (the check above is not vacuous)', () => {
    const [entry] = buildCatalog([
      { ...builtinNodes.find((d) => d.type === 'http.request')!, portDescriptions: {} },
    ]);
    expect(entry!.portDescriptions.find((d) => d.port === 'failed')).toBeUndefined();
  });
});
