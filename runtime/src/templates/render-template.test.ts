import { describe, expect, it } from 'vitest';
import { renderEmailTemplate, renderTextTemplate, textOfHtml } from './render-template.ts';
import { sampleScope } from './sample-scope.ts';

const files = new Map([
  ['greeting', 'Hola {{ contact.first_name }}'],
  ['footer', '<mj-section><mj-column><mj-text>Pie</mj-text></mj-column></mj-section>'],
]);

describe('renderEmailTemplate', () => {
  it('renders Liquid, then MJML to HTML, with the subject and a text part', async () => {
    const email = await renderEmailTemplate(
      {
        subject: '  Pedido\n{{ vars.order }} ',
        body: `<mjml><mj-body>
<mj-section><mj-column>
<mj-text><h1>{% include 'greeting' %}</h1><p>Tu pedido {{ vars.order }} está listo.</p></mj-text>
<mj-button href="https://example.com/o/{{ vars.order }}">Ver pedido</mj-button>
</mj-column></mj-section>
{% include 'footer' %}
</mj-body></mjml>`,
      },
      { ...sampleScope('es'), vars: { order: 'A-17' } },
      files,
    );
    expect(email.subject).toBe('Pedido A-17');
    expect(email.html).toMatch(/^<!doctype html>/);
    expect(email.html).toContain('Hola Ana');
    expect(email.html).toContain('href="https://example.com/o/A-17"');
    expect(email.html).toContain('Pie');
    expect(email.text.split(/\n+/)).toEqual([
      'Hola Ana',
      'Tu pedido A-17 está listo.',
      'Ver pedido [https://example.com/o/A-17]',
      'Pie',
    ]);
  });

  it('escapes values in the HTML so a name cannot add markup, unless marked raw', async () => {
    const scope = sampleScope('es', { first_name: '<img src=x onerror=alert(1)>' });
    const email = await renderEmailTemplate(
      {
        subject: 'Hola {{ contact.first_name }}',
        body: '<mj-section><mj-column><mj-text>{{ contact.first_name }} {{ "<b>ok</b>" | raw }}</mj-text></mj-column></mj-section>',
      },
      scope,
      files,
    );
    expect(email.html).not.toContain('<img src=x');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(email.html).toContain('<b>ok</b>');
    expect(email.subject).toBe('Hola <img src=x onerror=alert(1)>');
  });

  it('renders a fragment of sections as a whole mail', async () => {
    const email = await renderEmailTemplate({ body: files.get('footer')! }, sampleScope('en'), files);
    expect(email.html).toContain('Pie');
    expect(email.subject).toBe('');
  });

  it('never reads the disk through mj-include', async () => {
    const email = await renderEmailTemplate(
      { body: '<mjml><mj-body><mj-include path="/etc/passwd" /></mj-body></mjml>' },
      sampleScope('en'),
      files,
    );
    expect(email.html).not.toContain('root:');
  });

  it('fails with TEMPLATE_FILE_ACCESS for an include the library lacks', async () => {
    await expect(
      renderEmailTemplate({ body: "{% include 'nope' %}" }, sampleScope('en'), files),
    ).rejects.toMatchObject({ code: 'TEMPLATE_FILE_ACCESS' });
  });

  it('stops a template that includes itself within the render budget', async () => {
    const loop = new Map([['loop', "x{% include 'loop' %}"]]);
    expect(() => renderTextTemplate({ body: "{% include 'loop' %}" }, sampleScope('en'), loop)).toThrow(
      /could not be rendered/,
    );
  });
});

describe('renderTextTemplate', () => {
  it('renders a short text with includes, without escaping', () => {
    const text = renderTextTemplate(
      { body: "{% include 'greeting' %} & bienvenida\n" },
      sampleScope('es'),
      files,
    );
    expect(text).toBe('Hola Ana & bienvenida');
  });
});

describe('textOfHtml', () => {
  it('keeps a link whose text is its address once', () => {
    expect(textOfHtml('<p><a href="https://a.test">https://a.test</a></p>')).toBe('https://a.test');
  });
});

describe('renderEmailTemplate for many people', () => {
  it('gives each person their own body when it differs, and the same one when it does not', async () => {
    const personal = {
      subject: 'Hola {{ contact.first_name }}',
      body: '<mj-section><mj-column><mj-text>Para {{ contact.first_name }}</mj-text></mj-column></mj-section>',
    };
    const shared = {
      subject: 'Hola {{ contact.first_name }}',
      body: '<mj-section><mj-column><mj-text>Oferta de diciembre</mj-text></mj-column></mj-section>',
    };
    const people = ['Ana', 'Luis', 'Ana', 'Marta'].map((first_name) => sampleScope('es', { first_name }));
    const mails = [];
    for (const scope of people) mails.push(await renderEmailTemplate(personal, scope, files));
    expect(mails.map((m) => m.text)).toEqual(['Para Ana', 'Para Luis', 'Para Ana', 'Para Marta']);
    expect(mails[1]!.html).toContain('Para Luis');
    expect(mails[1]!.html).not.toContain('Ana');
    const sharedMails = [];
    for (const scope of people) sharedMails.push(await renderEmailTemplate(shared, scope, files));
    expect(sharedMails.map((m) => m.subject)).toEqual(['Hola Ana', 'Hola Luis', 'Hola Ana', 'Hola Marta']);
    expect(new Set(sharedMails.map((m) => m.html)).size).toBe(1);
    expect(sharedMails[3]!.text).toBe('Oferta de diciembre');
  });

  it('still renders every body right after many different ones pushed the first out', async () => {
    for (let i = 0; i < 40; i++) {
      const mail = await renderEmailTemplate(
        { body: `<mj-section><mj-column><mj-text>Número ${i}</mj-text></mj-column></mj-section>` },
        sampleScope('es'),
        files,
      );
      expect(mail.text).toBe(`Número ${i}`);
    }
    const again = await renderEmailTemplate(
      { body: '<mj-section><mj-column><mj-text>Número 0</mj-text></mj-column></mj-section>' },
      sampleScope('es'),
      files,
    );
    expect(again.text).toBe('Número 0');
  });
});
