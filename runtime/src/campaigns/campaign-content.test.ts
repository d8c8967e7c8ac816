import { describe, expect, it } from 'vitest';
import { ownFieldsScope, readsOwnFieldsOnly, renderContent } from './campaign-content.ts';

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

describe('a campaign text that reads only the contact row', () => {
  it('is told apart from texts that need attributes, addresses, tags or Liquid tags', () => {
    const sms = (text: string) => readsOwnFieldsOnly([{ text }], 'sms');
    expect(sms('Hola {{ contact.first_name }}, su cita es {{contact.name}}.')).toBe(true);
    expect(sms('Sin variables')).toBe(true);
    expect(sms('Hola {{ contact.city }}')).toBe(false);
    expect(sms('Hola {{ contact.phone }}')).toBe(false);
    expect(sms('{{ contact.tags }}')).toBe(false);
    expect(sms('{{ contact.first_name | upcase }}')).toBe(false);
    expect(sms('{% if contact.first_name %}Hola{% endif %}')).toBe(false);
    expect(sms('{{- contact.first_name }}')).toBe(false);
    expect(sms('{{ contact.first_name.size }}')).toBe(false);
    expect(sms('{{ vars.x }}')).toBe(false);
    expect(readsOwnFieldsOnly([{ text: 'Hola', templateId: 't1' }], 'sms')).toBe(false);
    expect(readsOwnFieldsOnly([{ text: '{{ contact.first_name }}' }], 'whatsapp')).toBe(false);
    expect(readsOwnFieldsOnly([{ text: 'Hola', subject: '{{ contact.plan }}' }], 'email')).toBe(false);
  });

  it('renders the same from the contact row as from the whole scope, attributes named alike included', async () => {
    const row = { id: 'c1', firstName: 'Ana', lastName: null, displayName: null, language: 'es' };
    // contactScopes puts the row's fields over attributes and addresses of the same name.
    const whole = { phone: '+51999', first_name: 'Ana', name: 'Ana', id: 'c1', language: 'es', city: 'Lima' };
    const content = { text: 'Hola {{ contact.first_name }} ({{ contact.name }}, {{ contact.last_name }})' };
    const own = await renderContent(content, 'sms', ownFieldsScope(row), []);
    expect(own).toEqual(await renderContent(content, 'sms', { ...whole, last_name: null }, []));
    expect(own.text).toBe('Hola Ana (Ana, )');
  });
});
