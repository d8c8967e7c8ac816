import { describe, expect, it } from 'vitest';
import { classifyOptKeyword } from './opt-out.ts';

describe('classifyOptKeyword', () => {
  it('reads every opt-out keyword, in any case, trimmed', () => {
    for (const text of ['STOP', 'stop', ' Baja ', 'UNSUBSCRIBE', 'cancelar', 'Fin', 'baja\n']) {
      expect(classifyOptKeyword(text), text).toBe('opt-out');
    }
  });

  it('reads every opt-in keyword', () => {
    for (const text of ['START', 'alta', 'Unstop', 'subscribe']) {
      expect(classifyOptKeyword(text), text).toBe('opt-in');
    }
  });

  it('ignores accents and surrounding punctuation', () => {
    expect(classifyOptKeyword('BÁJA')).toBe('opt-out');
    expect(classifyOptKeyword('Cancelár')).toBe('opt-out');
    expect(classifyOptKeyword('¡Baja!')).toBe('opt-out');
    expect(classifyOptKeyword('Stop.')).toBe('opt-out');
    expect(classifyOptKeyword('ÁLTA')).toBe('opt-in');
  });

  it('needs the keyword to be the whole message', () => {
    expect(classifyOptKeyword('please stop')).toBeNull();
    expect(classifyOptKeyword('no me des de baja')).toBeNull();
    expect(classifyOptKeyword('STOPPED')).toBeNull();
    expect(classifyOptKeyword('fine')).toBeNull();
    expect(classifyOptKeyword('')).toBeNull();
    expect(classifyOptKeyword('   ')).toBeNull();
    expect(classifyOptKeyword(undefined)).toBeNull();
  });
});
