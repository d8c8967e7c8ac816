import { describe, expect, it } from 'vitest';
import { testCatalog } from '../canvas/test-catalog.ts';
import { subflowPaletteEntries } from './subflow-palette-entries.ts';

const call = { ...testCatalog[0]!, type: 'flow.call', title: { en: 'Subflow', es: 'Subflujo' } };
const flows = [
  { id: 'f1', name: 'Find customer', reusable: true, latestVersion: 2 },
  { id: 'f2', name: 'Draft only', reusable: true, latestVersion: null },
  { id: 'f3', name: 'Not reusable', reusable: false, latestVersion: 1 },
  { id: 'me', name: 'This flow', reusable: true, latestVersion: 1 },
];

describe('subflowPaletteEntries', () => {
  it('lists published reusable flows by name, each a subflow node set to run it', () => {
    expect(subflowPaletteEntries([call], flows, 'me')).toEqual([
      expect.objectContaining({
        type: 'flow.call',
        title: { en: 'Find customer', es: 'Find customer' },
        preset: { flowId: 'f1', flowName: 'Find customer' },
      }),
    ]);
  });

  it('lists nothing when the server has no subflow node', () => {
    expect(subflowPaletteEntries([], flows, 'me')).toEqual([]);
  });
});
