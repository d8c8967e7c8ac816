import { describe, expect, it } from 'vitest';
import { buttonReply } from './button-reply.ts';

const buttons = [
  { id: 'yes', title: 'Sí' },
  { id: 'no', title: 'No' },
];

describe('buttonReply', () => {
  it('sends the button id and its title on WhatsApp and web chat', () => {
    expect(buttonReply('whatsapp', buttons, 1)).toEqual({ choiceId: 'no', text: 'No' });
    expect(buttonReply('webchat', buttons, 0)).toEqual({ choiceId: 'yes', text: 'Sí' });
  });

  it('texts the option’s number on SMS, which carries no button ids', () => {
    expect(buttonReply('sms', buttons, 1)).toEqual({ text: '2' });
  });

  it('refuses a position with no button', () => {
    expect(() => buttonReply('sms', buttons, 2)).toThrow(RangeError);
  });
});
