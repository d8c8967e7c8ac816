import { describe, expect, it } from 'vitest';
import { catalog } from '../../i18n/catalog.ts';
import { testCatalog } from './test-catalog.ts';
import { portKeys } from './use-port-name.ts';

describe('port names', () => {
  it('names every fixed port of the built-in nodes in both languages (no raw "sent" on a Spanish card)', () => {
    const ports = new Set(testCatalog.flatMap((entry) => entry.ports));
    const unnamed = [...ports].filter((port) => !portKeys.has(port));
    expect(unnamed).toEqual([]);
    expect(catalog.es[portKeys.get('sent')!]).toBe('enviado');
    expect(catalog.en[portKeys.get('sent')!]).toBe('sent');
  });
});
