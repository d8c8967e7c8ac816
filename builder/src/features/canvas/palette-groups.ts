import type { NodeCategory } from '@omniflow/nodes/sdk';
import type { CatalogEntry } from '../../api/types.ts';
import type { Locale } from '../../i18n/catalog.ts';

// The order designers meet the categories in. A Record so a new SDK category fails to compile
// here; a value import of the SDK's list would pull zod and liquidjs into the builder bundle.
const categoryRank: Record<NodeCategory, number> = {
  flow: 0,
  logic: 1,
  messaging: 2,
  voice: 3,
  email: 4,
  http: 5,
  data: 6,
  ai: 7,
};

export interface PaletteGroup {
  category: NodeCategory;
  entries: CatalogEntry[];
}

/**
 * The palette's sections: the newest version of each type, those matching every word of the
 * query (in the title, description or type; case and accents ignored, so "peticion" finds
 * "Petición"), sorted by title, grouped by category.
 */
export function paletteGroups(
  catalog: readonly CatalogEntry[],
  query: string,
  locale: Locale,
): PaletteGroup[] {
  const newest = new Map<string, CatalogEntry>();
  for (const entry of catalog) {
    // A reusable subflow is a flow.call item of its own, with its flow preset.
    const key = 'preset' in entry ? `${entry.type}:${entry.title.en}` : entry.type;
    const known = newest.get(key);
    if (!known || known.version < entry.version) newest.set(key, entry);
  }
  const terms = fold(query).split(/\s+/).filter(Boolean);
  const matching = [...newest.values()].filter((entry) => {
    const text = fold(`${entry.title[locale]} ${entry.description[locale]} ${entry.type}`);
    return terms.every((term) => text.includes(term));
  });
  matching.sort((a, b) => a.title[locale].localeCompare(b.title[locale], locale));
  const groups = new Map<NodeCategory, CatalogEntry[]>();
  for (const entry of matching) groups.set(entry.category, [...(groups.get(entry.category) ?? []), entry]);
  return [...groups]
    .map(([category, entries]) => ({ category, entries }))
    .sort((a, b) => (categoryRank[a.category] ?? 99) - (categoryRank[b.category] ?? 99));
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
