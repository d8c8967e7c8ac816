import type { LibraryTemplate } from './types.ts';

const head = `  <mj-head>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="16px" line-height="24px" color="#1e293b" />
      <mj-button background-color="#2563eb" color="#ffffff" font-size="16px" border-radius="6px" />
    </mj-attributes>
  </mj-head>`;

const footer = (text: string) => `    <mj-section padding="16px 0">
      <mj-column>
        <mj-text font-size="12px" line-height="18px" color="#64748b" align="center">${text}</mj-text>
      </mj-column>
    </mj-section>`;

const welcome = (title: string, body: string, button: string, foot: string) => `<mjml>
${head}
  <mj-body background-color="#f1f5f9">
    <mj-section background-color="#2563eb" padding="24px">
      <mj-column>
        <mj-text color="#ffffff" font-size="24px" line-height="32px" font-weight="bold">${title}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        <mj-text>{% include 'greeting' %}</mj-text>
        <mj-text>${body}</mj-text>
        <mj-button href="{{ vars.link | default: 'https://example.com' }}">${button}</mj-button>
      </mj-column>
    </mj-section>
${footer(foot)}
  </mj-body>
</mjml>`;

const newsletter = (title: string, a: string, b: string, more: string, foot: string) => `<mjml>
${head}
  <mj-body background-color="#f1f5f9">
    <mj-section background-color="#0f172a" padding="20px">
      <mj-column>
        <mj-text color="#ffffff" font-size="22px" font-weight="bold">${title}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="16px">
      <mj-column>
        <mj-text>{{ contact.first_name | default: '' }}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="0 16px 24px">
      <mj-column padding="8px">
        <mj-text font-size="18px" font-weight="bold">${a}</mj-text>
        <mj-text>{{ vars.story1 | default: 'Lorem ipsum dolor sit amet.' }}</mj-text>
        <mj-button href="{{ vars.link1 | default: 'https://example.com' }}">${more}</mj-button>
      </mj-column>
      <mj-column padding="8px">
        <mj-text font-size="18px" font-weight="bold">${b}</mj-text>
        <mj-text>{{ vars.story2 | default: 'Lorem ipsum dolor sit amet.' }}</mj-text>
        <mj-button href="{{ vars.link2 | default: 'https://example.com' }}">${more}</mj-button>
      </mj-column>
    </mj-section>
${footer(foot)}
  </mj-body>
</mjml>`;

const notice = (title: string, body: string, sign: string, foot: string) => `<mjml>
${head}
  <mj-body background-color="#ffffff">
    <mj-section padding="24px 16px 0">
      <mj-column>
        <mj-text font-size="20px" font-weight="bold">${title}</mj-text>
        <mj-divider border-width="1px" border-color="#e2e8f0" />
        <mj-text>{% include 'greeting' %}</mj-text>
        <mj-text>${body}</mj-text>
        <mj-text>${sign}</mj-text>
      </mj-column>
    </mj-section>
${footer(foot)}
  </mj-body>
</mjml>`;

/**
 * What a new workspace's library starts with: three responsive email layouts (MJML columns stack
 * on a phone) and two greetings the layouts include. Designers change or delete them freely.
 */
export const starterTemplates: readonly (LibraryTemplate & { description: string })[] = [
  {
    name: 'greeting',
    kind: 'text',
    description: 'Saludo con el nombre del contacto · Greeting with the contact’s name',
    variants: {
      es: {
        body: 'Hola{% if contact.first_name %} {{ contact.first_name }}{% endif %}, gracias por escribirnos.',
      },
      en: {
        body: 'Hi{% if contact.first_name %} {{ contact.first_name }}{% endif %}, thanks for getting in touch.',
      },
    },
  },
  {
    name: 'out-of-hours',
    kind: 'text',
    description: 'Respuesta fuera de horario · Out-of-hours reply',
    variants: {
      es: {
        body: 'Hola{% if contact.first_name %} {{ contact.first_name }}{% endif %}, ahora estamos fuera de horario. Te respondemos mañana a primera hora.',
      },
      en: {
        body: 'Hi{% if contact.first_name %} {{ contact.first_name }}{% endif %}, we are out of office hours right now. We will answer first thing tomorrow.',
      },
    },
  },
  {
    name: 'welcome-email',
    kind: 'email',
    description: 'Bienvenida con botón · Welcome with a button',
    variants: {
      es: {
        subject: 'Te damos la bienvenida, {{ contact.first_name | default: "" }}',
        body: welcome(
          'Te damos la bienvenida',
          'Tu cuenta está lista. Empieza cuando quieras.',
          'Empezar',
          'Recibes este correo porque te registraste con nosotros.',
        ),
      },
      en: {
        subject: 'Welcome, {{ contact.first_name | default: "" }}',
        body: welcome(
          'Welcome aboard',
          'Your account is ready. Start whenever you like.',
          'Get started',
          'You get this mail because you signed up with us.',
        ),
      },
    },
  },
  {
    name: 'newsletter-email',
    kind: 'email',
    description: 'Boletín a dos columnas · Two-column newsletter',
    variants: {
      es: {
        subject: 'Novedades de este mes',
        body: newsletter('Novedades', 'Primera noticia', 'Segunda noticia', 'Leer más', 'Boletín mensual.'),
      },
      en: {
        subject: 'This month’s news',
        body: newsletter('News', 'First story', 'Second story', 'Read more', 'Monthly newsletter.'),
      },
    },
  },
  {
    name: 'support-reply-email',
    kind: 'email',
    description: 'Respuesta de soporte · Support reply',
    variants: {
      es: {
        subject: 'Hemos recibido tu mensaje',
        body: notice(
          'Hemos recibido tu mensaje',
          '{{ vars.answer | default: "Una persona del equipo te responderá pronto." }}',
          'El equipo de soporte',
          'Responde a este correo para seguir la conversación.',
        ),
      },
      en: {
        subject: 'We got your message',
        body: notice(
          'We got your message',
          '{{ vars.answer | default: "Someone from the team will answer soon." }}',
          'The support team',
          'Reply to this mail to carry on the conversation.',
        ),
      },
    },
  },
];
