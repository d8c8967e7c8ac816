import { describe, expect, it } from 'vitest';
import { parseAnswer } from './ask.instructions.ts';

const choices = [
  { id: 'card', title: 'Tarjeta' },
  { id: 'cash', title: 'Efectivo' },
];

describe('parseAnswer', () => {
  it('reads numbers written the Spanish or English way', () => {
    expect(parseAnswer('number', { text: ' 12 ' })).toBe(12);
    expect(parseAnswer('number', { text: '3,5' })).toBe(3.5);
    expect(parseAnswer('number', { text: 'doce' })).toBeUndefined();
  });
  it('checks emails, phones and real dates (day first)', () => {
    expect(parseAnswer('email', { text: 'Ana@Example.com' })).toBe('ana@example.com');
    expect(parseAnswer('email', { text: 'ana@' })).toBeUndefined();
    expect(parseAnswer('phone', { text: '+34 600 11 22 33' })).toBe('+34600112233');
    expect(parseAnswer('phone', { text: '12' })).toBeUndefined();
    expect(parseAnswer('date', { text: '31/12/2026' })).toBe('2026-12-31');
    expect(parseAnswer('date', { text: '2026-02-30' })).toBeUndefined();
  });
  it('takes a choice by button, by number or by its title, accents aside', () => {
    expect(parseAnswer('choice', { choiceId: 'cash' }, choices)).toBe('cash');
    expect(parseAnswer('choice', { text: '1' }, choices)).toBe('card');
    expect(parseAnswer('choice', { text: 'efectivó' }, choices)).toBe('cash');
    expect(parseAnswer('choice', { text: '3' }, choices)).toBeUndefined();
    expect(parseAnswer('text', { text: '   ' })).toBeUndefined();
  });
});
