import { describe, expect, it } from 'vitest';
import { offeredOptions } from './offered-options.ts';

describe('offeredOptions', () => {
  it('offers reply buttons, or the rows of a WhatsApp list across its sections', () => {
    expect(offeredOptions({ buttons: [{ id: 'y', title: 'Sí' }] })).toEqual([{ id: 'y', title: 'Sí' }]);
    expect(
      offeredOptions({
        list: {
          button: 'Ver',
          sections: [
            { title: 'A', rows: [{ id: 'a1', title: 'Uno' }] },
            { title: 'B', rows: [{ id: 'b1', title: 'Dos' }] },
          ],
        },
      }),
    ).toEqual([
      { id: 'a1', title: 'Uno' },
      { id: 'b1', title: 'Dos' },
    ]);
    expect(offeredOptions({ text: 'Hola' })).toEqual([]);
  });
});
