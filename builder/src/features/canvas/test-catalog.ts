import catalogJson from '@omniflow/nodes/catalog.json';
import type { NodeCategory } from '@omniflow/nodes/sdk';
import type { CatalogEntry } from '../../api/types.ts';

const categories: Record<NodeCategory, true> = {
  flow: true,
  logic: true,
  http: true,
  messaging: true,
  voice: true,
  email: true,
  data: true,
  ai: true,
};

function isCategory(value: string): value is NodeCategory {
  return Object.hasOwn(categories, value);
}

/** The real node catalog (nodes/catalog.json), typed, for tests. */
export const testCatalog: CatalogEntry[] = catalogJson.map((entry) => {
  if (!isCategory(entry.category)) throw new Error(`Unknown category ${entry.category}`);
  return { ...entry, category: entry.category };
});

/** The catalog entry of a type; throws so a renamed node fails the test that needs it. */
export function entryOf(type: string): CatalogEntry {
  const entry = testCatalog.find((e) => e.type === type);
  if (!entry) throw new Error(`No ${type} in nodes/catalog.json`);
  return entry;
}
