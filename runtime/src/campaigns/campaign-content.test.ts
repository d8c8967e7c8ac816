import { describe, expect, it } from 'vitest';
import { renderContent } from './campaign-content.ts';

const content = {
  text: 'Hola {{ contact.first_name }}, ¿confirmas tu cita?',
  whatsappTemplate: {
    name: 'cita_recordatorio',
    language: 'es',
    parameters: ['{{ contact.first_name }}', 'mañana'],
  },
};
const ana = { first_name: 'Ana' };

describe('a campaign on WhatsApp', () => {
  it('sends the approved template, filled in, to a person outside the 24 h window', async () => {
    expect(await renderContent(content, 'whatsapp', ana, [], { whatsappWindowOpen: false })).toEqual({
      text: '',
      template: { name: 'cita_recordatorio', language: 'es', parameters: ['Ana', 'mañana'] },
    });
  });

  it('sends the free text to a person who wrote in the last 24 h', async () => {
    expect(await renderContent(content, 'whatsapp', ana, [], { whatsappWindowOpen: true })).toEqual({
      text: 'Hola Ana, ¿confirmas tu cita?',
    });
  });

  it('sends the template inside the window too when the campaign has no text of its own', async () => {
    const templateOnly = { whatsappTemplate: content.whatsappTemplate };
    const rendered = await renderContent(templateOnly, 'whatsapp', ana, [], { whatsappWindowOpen: true });
    expect(rendered.template?.parameters).toEqual(['Ana', 'mañana']);
  });

  it('leaves the template to WhatsApp: the SMS fallback of the same campaign gets the text', async () => {
    expect(await renderContent(content, 'sms', ana, [])).toEqual({ text: 'Hola Ana, ¿confirmas tu cita?' });
  });
});
