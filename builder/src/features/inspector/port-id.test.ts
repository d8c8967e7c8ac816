import { describe, expect, it } from 'vitest';
import { followLabel, portIdFor, slugify } from './port-id.ts';

const none = new Set<string>();

describe('port ids from labels', () => {
  it('makes a slug the node rules accept from any label', () => {
    expect(slugify('Atención al cliente')).toBe('atencion-al-cliente');
    expect(slugify('  ¿Ventas?  ')).toBe('ventas');
    expect(slugify('Niño & Ñandú 2')).toBe('nino-nandu-2');
    expect(slugify('!!!')).toBe('');
    expect(slugify('a'.repeat(60))).toHaveLength(40);
  });

  it('stays unique among the other rows and the node’s own ports', () => {
    expect(portIdFor('Ventas', new Set(['ventas']), 'opcion')).toBe('ventas-2');
    expect(portIdFor('Timeout', new Set(['timeout', 'invalid']), 'opcion')).toBe('timeout-2');
    expect(portIdFor('', new Set(['opcion']), 'opcion')).toBe('opcion-2');
  });

  it('follows the label while the id is still the generated one', () => {
    const row = { id: 'opcion', label: '' };
    const typed = followLabel(row, { ...row, label: 'Ventas' }, none, none, 'opcion');
    expect(typed).toEqual({ id: 'ventas', label: 'Ventas' });
    const more = followLabel(typed, { ...typed, label: 'Ventas y altas' }, none, none, 'opcion');
    expect(more.id).toBe('ventas-y-altas');
  });

  it('keeps an id an edge leaves by, so the wire is not lost', () => {
    const row = { id: 'ventas', label: 'Ventas' };
    const renamed = followLabel(row, { ...row, label: 'Comercial' }, none, new Set(['ventas']), 'opcion');
    expect(renamed.id).toBe('ventas');
  });

  it('keeps an id someone wrote by hand', () => {
    const row = { id: 'sales', label: 'Ventas' };
    expect(followLabel(row, { ...row, label: 'Comercial' }, none, none, 'opcion').id).toBe('sales');
    // The id itself being edited is left alone too.
    expect(followLabel(row, { id: 'x', label: 'Comercial' }, none, none, 'opcion').id).toBe('x');
  });
});
