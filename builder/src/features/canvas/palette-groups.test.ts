import { describe, expect, it } from 'vitest';
import { paletteGroups } from './palette-groups.ts';
import { entryOf, testCatalog } from './test-catalog.ts';

const types = (groups: ReturnType<typeof paletteGroups>) =>
  groups.flatMap((g) => g.entries.map((e) => e.type));

describe('paletteGroups', () => {
  it('groups every node by category, flow first, sorted by title', () => {
    const groups = paletteGroups(testCatalog, '', 'en');
    expect(groups.map((g) => g.category)).toEqual(['flow', 'logic', 'messaging', 'voice', 'http', 'data']);
    expect(groups[0]!.entries.map((e) => e.type)).toEqual(['flow.end', 'flow.start']);
    expect(types(groups)).toHaveLength(testCatalog.length);
  });

  it('searches titles, descriptions and types in the current language, ignoring case and accents', () => {
    expect(types(paletteGroups(testCatalog, 'peticion', 'es'))).toEqual(['http.request']);
    expect(types(paletteGroups(testCatalog, 'HTTP request', 'en'))).toEqual(['http.request']);
    expect(types(paletteGroups(testCatalog, 'wait-for', 'en'))).toEqual(['logic.wait-for-event']);
    expect(types(paletteGroups(testCatalog, 'bifurcación', 'en'))).toEqual([]);
    expect(paletteGroups(testCatalog, 'zzz', 'en')).toEqual([]);
  });

  it('makes a group only for a category that has nodes (no empty Email group while email has none)', () => {
    expect(testCatalog.some((e) => e.category === 'email')).toBe(false);
    const groups = paletteGroups(testCatalog, '', 'en');
    expect(groups.map((g) => g.category)).not.toContain('email');
    expect(groups.every((g) => g.entries.length > 0)).toBe(true);
  });

  it('offers only the newest version of a type', () => {
    const v2 = { ...entryOf('logic.set'), version: 2 };
    const groups = paletteGroups([...testCatalog, v2], 'set', 'en');
    expect(groups.flatMap((g) => g.entries).filter((e) => e.type === 'logic.set')).toEqual([v2]);
  });
});
