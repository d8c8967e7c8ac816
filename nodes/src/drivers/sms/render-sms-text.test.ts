import { describe, expect, it } from 'vitest';
import { renderSmsText } from './render-sms-text.ts';

describe('renderSmsText', () => {
  it('sends plain text as it is', () => {
    expect(renderSmsText({ to: '+34600111222', text: 'Hola', idempotencyKey: 'k' })).toBe('Hola');
  });

  it('numbers buttons and list rows so the person can reply with a digit', () => {
    const text = renderSmsText({
      to: '+34600111222',
      text: '¿Qué necesitas?',
      buttons: [
        { id: 'b', title: 'Facturación' },
        { id: 's', title: 'Soporte' },
      ],
      list: { button: 'Ver', sections: [{ title: 'Otros', rows: [{ id: 'h', title: 'Horario' }] }] },
      idempotencyKey: 'k',
    });
    expect(text).toBe('¿Qué necesitas?\n1. Facturación\n2. Soporte\n3. Horario');
  });

  it('turns media into its caption and link', () => {
    const text = renderSmsText({
      to: '+34600111222',
      media: { kind: 'image', url: 'https://example.com/a.png', caption: 'Tu factura' },
      idempotencyKey: 'k',
    });
    expect(text).toBe('Tu factura\nhttps://example.com/a.png');
  });

  it('refuses WhatsApp templates and empty messages with a stable code', () => {
    expect(() =>
      renderSmsText({
        to: '+34600111222',
        template: { name: 'cita', language: 'es', parameters: [] },
        idempotencyKey: 'k',
      }),
    ).toThrow(expect.objectContaining({ code: 'SMS_TEMPLATE_UNSUPPORTED' }));
    expect(() => renderSmsText({ to: '+34600111222', idempotencyKey: 'k' })).toThrow(
      expect.objectContaining({ code: 'SMS_EMPTY_MESSAGE' }),
    );
  });
});
