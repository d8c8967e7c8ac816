import { describe, expect, it } from 'vitest';
import { messageBody } from './message-body.ts';

describe('messageBody', () => {
  it('reads what a flow sent: text, buttons, a WhatsApp list and a template name', () => {
    const body = {
      to: '+34600000000',
      idempotencyKey: 'k1',
      text: 'Pick one',
      buttons: [{ id: 'yes', title: 'Yes' }],
      list: {
        button: 'Options',
        sections: [{ title: 'All', rows: [{ id: 'a', title: 'A', description: 'x' }] }],
      },
      template: { name: 'welcome', language: 'es', parameters: [] },
    };
    expect(messageBody({ body })).toEqual({
      text: 'Pick one',
      buttons: [{ id: 'yes', title: 'Yes' }],
      list: { button: 'Options', sections: [{ title: 'All', rows: [{ id: 'a', title: 'A' }] }] },
      template: { name: 'welcome' },
    });
  });

  it('reads what a person sent: a choice and media', () => {
    expect(
      messageBody({ body: { choiceId: 'yes', media: { kind: 'image', url: 'https://x.test/a.png' } } }),
    ).toEqual({
      choiceId: 'yes',
      media: { kind: 'image', url: 'https://x.test/a.png' },
    });
  });

  it('reads a mail’s subject beside its text', () => {
    expect(
      messageBody({ body: { text: 'Hola', email: { subject: 'Re: Mi factura', html: '<p>Hola</p>' } } }),
    ).toEqual({
      text: 'Hola',
      subject: 'Re: Mi factura',
    });
    expect(messageBody({ body: { text: 'Hola', email: { subject: '' } } })).toEqual({ text: 'Hola' });
  });

  it('leaves out what has another shape, so a strange body shows as an empty message', () => {
    expect(messageBody({ body: { text: 42, buttons: 'no', media: { url: 'u' }, template: {} } })).toEqual({});
    expect(messageBody({ body: null })).toEqual({});
    expect(messageBody({ body: 'text' })).toEqual({});
  });
});
