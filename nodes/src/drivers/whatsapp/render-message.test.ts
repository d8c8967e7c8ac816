import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../messaging/messaging-driver.ts';
import { renderMessage } from './render-message.ts';

const base: OutboundMessage = { to: '+5215512345678', idempotencyKey: 'k' };
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, title: `Opción ${i}` }));

function refusal(message: Partial<OutboundMessage>): string {
  try {
    renderMessage({ ...base, ...message });
  } catch (error) {
    expect(error).toMatchObject({ code: 'WHATSAPP_MESSAGE_INVALID', retryable: false });
    return (error as Error).message;
  }
  throw new Error('expected the message to be refused');
}

describe('renderMessage', () => {
  it('counts characters as people do: an emoji title of 20 characters fits', () => {
    const title = '😀'.repeat(20);
    expect(renderMessage({ ...base, text: 'Hola', buttons: [{ id: 'a', title }] })).toMatchObject({
      interactive: { action: { buttons: [{ reply: { title } }] } },
    });
    expect(refusal({ text: 'Hola', buttons: [{ id: 'a', title: `${title}!` }] })).toMatch(/21 characters/);
  });

  it('needs text above buttons and lists, unique button ids and titles', () => {
    expect(refusal({ buttons: [{ id: 'a', title: 'A' }] })).toMatch(/text above the buttons is empty/);
    expect(
      refusal({
        text: 'Hola',
        buttons: [
          { id: 'a', title: 'A' },
          { id: 'a', title: 'B' },
        ],
      }),
    ).toMatch(/Button id "a" appears twice/);
    expect(
      refusal({
        text: 'Hola',
        buttons: [
          { id: 'a', title: 'Sí' },
          { id: 'b', title: 'Sí' },
        ],
      }),
    ).toMatch(/Button title "Sí"/);
    expect(
      refusal({
        text: 'Hola',
        buttons: [{ id: 'a', title: 'A' }],
        list: { button: 'Ver', sections: [{ title: 'S', rows: rows(1) }] },
      }),
    ).toMatch(/not both/);
  });

  it('allows 10 rows in all across sections, and no more', () => {
    const ten = {
      button: 'Ver',
      sections: [
        { title: 'A', rows: rows(6) },
        { title: 'B', rows: rows(4).map((r) => ({ ...r, id: `b${r.id}` })) },
      ],
    };
    expect(renderMessage({ ...base, text: 'Elige', list: ten }).type).toBe('interactive');
    const eleven = {
      button: 'Ver',
      sections: [
        { title: 'A', rows: rows(6) },
        { title: 'B', rows: rows(5).map((r) => ({ ...r, id: `b${r.id}` })) },
      ],
    };
    expect(refusal({ text: 'Elige', list: eleven })).toMatch(
      /11 list rows; WhatsApp allows 10 across all sections/,
    );
  });

  it('checks list labels, row titles, descriptions and section titles against their limits', () => {
    const list = (patch: object) => ({ button: 'Ver', sections: [{ title: 'A', rows: rows(1), ...patch }] });
    expect(refusal({ text: 'Elige', list: { ...list({}), button: 'Ver todas las opciones' } })).toMatch(
      /list button label is 22/,
    );
    expect(
      refusal({
        text: 'Elige',
        list: list({ rows: [{ id: 'x', title: 'Una opción con un título largo' }] }),
      }),
    ).toMatch(/row title/);
    expect(
      refusal({
        text: 'Elige',
        list: list({ rows: [{ id: 'x', title: 'X', description: 'd'.repeat(73) }] }),
      }),
    ).toMatch(/description of row "X" is 73/);
    expect(
      refusal({
        text: 'Elige',
        list: {
          button: 'Ver',
          sections: [
            { title: '', rows: rows(1) },
            { title: 'B', rows: [{ id: 'z', title: 'Z' }] },
          ],
        },
      }),
    ).toMatch(/section title is empty/);
    // One untitled section is fine: the title only tells sections apart.
    expect(
      renderMessage({
        ...base,
        text: 'Elige',
        list: { button: 'Ver', sections: [{ title: '', rows: rows(2) }] },
      }),
    ).toMatchObject({
      interactive: { action: { sections: [{ rows: rows(2) }] } },
    });
  });

  it('refuses what WhatsApp cannot carry: audio with words, media in a list, non-http links, bad numbers', () => {
    expect(refusal({ text: 'Escucha', media: { kind: 'audio', url: 'https://x.example/a.ogg' } })).toMatch(
      /Audio messages carry no caption/,
    );
    expect(
      refusal({
        text: 'Elige',
        media: { kind: 'image', url: 'https://x.example/a.png' },
        list: { button: 'Ver', sections: [{ title: 'A', rows: rows(1) }] },
      }),
    ).toMatch(/list message takes no media/);
    expect(refusal({ media: { kind: 'image', url: 'file:///etc/passwd' } })).toMatch(/not http\(s\)/);
    expect(refusal({ to: '5512345678', text: 'Hola' })).toMatch(/E\.164/);
    expect(refusal({})).toMatch(/message text is empty/);
    expect(refusal({ template: { name: 'Recordatorio Cita', language: 'es_MX', parameters: [] } })).toMatch(
      /Template name/,
    );
    expect(refusal({ template: { name: 'reminder', language: 'Spanish', parameters: [] } })).toMatch(
      /Template language/,
    );
    expect(refusal({ template: { name: 'reminder', language: 'es', parameters: ['Ana', ''] } })).toMatch(
      /\{\{2\}\} is empty/,
    );
  });

  it('sends a template without parameters with no components', () => {
    expect(
      renderMessage({ ...base, template: { name: 'hello_world', language: 'en_US', parameters: [] } }),
    ).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: base.to,
      type: 'template',
      template: { name: 'hello_world', language: { code: 'en_US' } },
    });
  });
});
