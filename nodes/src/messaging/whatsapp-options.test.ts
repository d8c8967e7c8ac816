import { describe, expect, it } from 'vitest';
import { whatsAppOptions } from './whatsapp-options.ts';

const options = (n: number, title = (i: number) => `Opción ${i + 1}`) =>
  Array.from({ length: n }, (_, i) => ({ id: `o${i + 1}`, title: title(i) }));

describe('whatsAppOptions', () => {
  it('keeps up to three short options as reply buttons', () => {
    expect(whatsAppOptions(options(3), '')).toEqual({ buttons: options(3) });
    expect(whatsAppOptions([], 'Ver')).toEqual({});
  });

  it('turns more than three options into a one-section list opened by the list button', () => {
    expect(whatsAppOptions(options(5), 'Ver opciones')).toEqual({
      list: { button: 'Ver opciones', sections: [{ title: '', rows: options(5) }] },
    });
  });

  it('uses a list for a title longer than a button takes, and a symbol when no list button is set', () => {
    const long = options(2, (i) => (i === 0 ? 'Atención personalizada' : 'Otra'));
    expect(whatsAppOptions(long, '  ')).toEqual({
      list: { button: '☰', sections: [{ title: '', rows: long }] },
    });
  });
});
