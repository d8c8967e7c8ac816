import { describe, expect, it } from 'vitest';
import { replyText } from './reply-text.ts';

describe('replyText', () => {
  it('cuts the quoted mail under Gmail’s English and Spanish "wrote:" lines', () => {
    expect(
      replyText(
        '2\n\nOn Mon, 1 Jan 2026 at 10:00, Ayuda <ayuda@omniflow.test> wrote:\n> ¿Qué opción?\n> 1. Sí',
      ),
    ).toBe('2');
    expect(
      replyText(
        'Sí, gracias\r\n\r\nEl lun, 1 ene 2026 a las 10:00, Ayuda (<ayuda@omniflow.test>)\r\nescribió:\r\n> ¿Seguro?',
      ),
    ).toBe('Sí, gracias');
  });

  it('cuts at Outlook’s original-message separator and at a trailing quote', () => {
    expect(replyText('Vale\n-----Original Message-----\nFrom: Ayuda\nSubject: x')).toBe('Vale');
    expect(replyText('Mañana\n\n> pregunta\n>\n> más')).toBe('Mañana');
  });

  it('keeps answers written between quoted lines, and a mail that is only a quote', () => {
    expect(replyText('> ¿Nombre?\nAna\n> ¿Edad?\n40')).toBe('> ¿Nombre?\nAna\n> ¿Edad?\n40');
    expect(replyText('> solo cita')).toBe('> solo cita');
  });
});
