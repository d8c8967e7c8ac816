import { describe, expect, it } from 'vitest';
import { concatFromSar, concatFromUdh, concatUdh } from './concatenation.ts';

describe('concatenation headers', () => {
  it('builds the 6-byte UDH with an 8-bit reference', () => {
    expect([...concatUdh(0x1a7, 3, 2)]).toEqual([0x05, 0x00, 0x03, 0xa7, 3, 2]);
  });

  it('reads 8-bit and 16-bit reference elements, skipping others', () => {
    const other = Buffer.from([0x24, 0x01, 0x02]);
    expect(concatFromUdh([other, Buffer.from([0x00, 0x03, 0x42, 3, 1])])).toEqual({
      reference: 0x42,
      total: 3,
      sequence: 1,
    });
    expect(concatFromUdh([Buffer.from([0x08, 0x04, 0x12, 0x34, 2, 2])])).toEqual({
      reference: 0x1234,
      total: 2,
      sequence: 2,
    });
    expect(concatFromUdh([other])).toBeUndefined();
  });

  it('ignores elements whose numbers make no sense', () => {
    expect(concatFromUdh([Buffer.from([0x00, 0x03, 1, 0, 1])])).toBeUndefined();
    expect(concatFromUdh([Buffer.from([0x00, 0x03, 1, 2, 3])])).toBeUndefined();
    expect(concatFromSar(7, 2, 0)).toBeUndefined();
  });

  it('reads the sar_* TLVs only when all three are there', () => {
    expect(concatFromSar(7, 2, 1)).toEqual({ reference: 7, total: 2, sequence: 1 });
    expect(concatFromSar(7, undefined, 1)).toBeUndefined();
  });
});
