import { describe, expect, it } from 'vitest';
import { planSms } from './sms-encoding.ts';

describe('planSms', () => {
  it('sends plain Spanish in GSM-7, 160 to a part', () => {
    expect(planSms('Hola, ¿cómo estás? Ñandú')).toMatchObject({ encoding: 'ucs2' }); // ó is not GSM-7
    expect(planSms('Hola, ¿como estas? Ñandu')).toMatchObject({ encoding: 'gsm7', units: 24 });
    expect(planSms('a'.repeat(160)).parts).toHaveLength(1);
    const long = planSms('a'.repeat(161));
    expect(long.parts.map((p) => p.length)).toEqual([153, 8]);
  });

  it('counts extension characters as two septets and never splits one', () => {
    expect(planSms('a'.repeat(150) + '€').units).toBe(152);
    const plan = planSms('a'.repeat(152) + '€' + 'b'.repeat(10));
    expect(plan.units).toBe(164);
    expect(plan.parts).toEqual(['a'.repeat(152), '€' + 'b'.repeat(10)]);
  });

  it('switches to UCS-2 for other characters: 70, then 67 to a part, emoji kept whole', () => {
    expect(planSms('Привет'.repeat(11)).parts).toHaveLength(1); // 66 units
    const long = planSms('ü'.repeat(10) + 'ó'.repeat(65));
    expect(long).toMatchObject({ encoding: 'ucs2', units: 75 });
    expect(long.parts.map((p) => p.length)).toEqual([67, 8]);
    const emoji = planSms('😀'.repeat(40));
    expect(emoji.units).toBe(80);
    expect(emoji.parts.map((p) => [...p].length)).toEqual([33, 7]);
    expect(emoji.parts.join('')).toBe('😀'.repeat(40));
  });
});
