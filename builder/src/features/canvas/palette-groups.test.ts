import { describe, expect, it } from 'vitest';
import { paletteGroups } from './palette-groups.ts';
import { entryOf, testCatalog } from './test-catalog.ts';

const types = (groups: ReturnType<typeof paletteGroups>) =>
  groups.flatMap((g) => g.entries.map((e) => e.type));

describe('paletteGroups', () => {
  it('groups every node by category, flow first, sorted by title', () => {
    const groups = paletteGroups(testCatalog, '', 'en');
    expect(groups.map((g) => g.category)).toEqual([
      'flow',
      'logic',
      'messaging',
      'voice',
      'email',
      'http',
      'data',
      'ai',
    ]);
    expect(groups[0]!.entries.map((e) => e.type)).toEqual(['flow.end', 'flow.start', 'flow.call']);
    expect(types(groups)).toHaveLength(testCatalog.length);
  });

  it('searches titles, descriptions and types in the current language, ignoring case and accents', () => {
    // "Petición HTTP", "Responder a la petición" and the webhook's description all speak of a request.
    expect(types(paletteGroups(testCatalog, 'peticion', 'es'))).toEqual([
      'http.request',
      'http.respond',
      'http.webhook',
    ]);
    expect(types(paletteGroups(testCatalog, 'HTTP request', 'en'))).toEqual([
      'http.respond',
      'http.request',
      'http.webhook',
    ]);
    expect(types(paletteGroups(testCatalog, 'wait-for', 'en'))).toEqual(['logic.wait-for-event']);
    expect(types(paletteGroups(testCatalog, 'bifurcación', 'en'))).toEqual([]);
    expect(paletteGroups(testCatalog, 'zzz', 'en')).toEqual([]);
  });

  it('makes a group only for a category that has nodes', () => {
    const withoutMail = testCatalog.filter((e) => e.category !== 'email');
    const groups = paletteGroups(withoutMail, '', 'en');
    expect(groups.map((g) => g.category)).not.toContain('email');
    expect(groups.every((g) => g.entries.length > 0)).toBe(true);
  });

  it('shows the email nodes in the Email group', () => {
    const email = paletteGroups(testCatalog, '', 'es').find((g) => g.category === 'email');
    expect(email?.entries.map((e) => e.type).sort()).toEqual(['email.inbound', 'email.reply', 'email.send']);
  });

  it('offers only the newest version of a type', () => {
    const v2 = { ...entryOf('logic.set'), version: 2 };
    const groups = paletteGroups([...testCatalog, v2], 'set', 'en');
    expect(groups.flatMap((g) => g.entries).filter((e) => e.type === 'logic.set')).toEqual([v2]);
  });
});
