// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/react';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { ContactDetailPage } from './contact-detail-page.tsx';
import { ContactsPage } from './contacts-page.tsx';
import { PermissionsProvider } from '../roles/permissions.tsx';
import type { Contact, TimelineItem } from './contact-types.ts';

useComponentTestHooks();

const ana: Contact = {
  id: '0190b3c4-0000-7000-8000-000000000001',
  displayName: '',
  firstName: 'Ana',
  lastName: 'Quispe',
  language: 'es',
  timezone: 'America/Lima',
  tags: ['vip'],
  attributes: { plan: 'premium', cliente: true },
  addresses: [
    {
      id: 'a1',
      channel: 'sms',
      address: '+51987654321',
      consent: { at: '2026-01-01T10:00:00.000Z', source: 'keyword' },
      optedOut: null,
      lastInboundAt: null,
    },
    {
      id: 'a2',
      channel: 'email',
      address: 'ana@example.org',
      consent: null,
      optedOut: null,
      lastInboundAt: null,
    },
  ],
  erasedAt: null,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
};
const duplicate: Contact = {
  ...ana,
  id: '0190b3c4-0000-7000-8000-000000000002',
  firstName: 'Ana M.',
  addresses: [],
};
const fields = {
  items: [
    { id: 'f1', key: 'plan', label: 'Plan', type: 'choice', choices: ['basico', 'premium'], createdAt: '' },
    { id: 'f2', key: 'cliente', label: 'Cliente', type: 'boolean', choices: null, createdAt: '' },
  ],
};
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const timeline = (): TimelineItem[] => [
  {
    kind: 'campaign',
    id: 'c1',
    at: hoursAgo(1),
    channel: 'sms',
    direction: 'outbound',
    status: 'delivered',
    detail: { name: 'Marzo' },
  },
  {
    kind: 'call',
    id: 'k1',
    at: hoursAgo(2),
    channel: 'voice',
    direction: 'inbound',
    status: 'answered',
    detail: { recordingId: 'r1' },
  },
  {
    kind: 'email_event',
    id: 'e1',
    at: hoursAgo(3),
    channel: 'email',
    direction: null,
    status: 'open',
    detail: { subject: 'Tu cita' },
  },
  {
    kind: 'message',
    id: 'm1',
    at: hoursAgo(26),
    channel: 'whatsapp',
    direction: 'inbound',
    status: 'received',
    detail: { body: { text: 'Hola' } },
  },
  {
    kind: 'message',
    id: 'm2',
    at: hoursAgo(30),
    channel: 'sms',
    direction: 'outbound',
    status: 'undelivered',
    detail: { body: {} },
  },
];

describe('ContactsPage', () => {
  it('lists people and searches and filters through the API', async () => {
    const api = stubApi({ 'GET /contacts': () => ({ items: [ana], nextCursor: null }) });
    render(
      <PermissionsProvider permissions={['contacts:read']}>
        <ContactsPage query={new URLSearchParams()} />
      </PermissionsProvider>,
    );
    await settle();
    expect(screen.getByRole('link', { name: 'Open Ana Quispe' }).getAttribute('href')).toBe(
      `#/contacts/${ana.id}`,
    );
    expect(screen.getByText('+51987654321')).toBeTruthy();
    // A role that only reads contacts is offered no way to change them.
    expect(screen.queryByRole('button', { name: 'New contact' })).toBeNull();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search by name, phone or email' }), {
      target: { value: 'quis' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Channel' }), { target: { value: 'sms' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Consent' }), { target: { value: 'true' } });
    await settle();
    expect(api.callsTo('GET /contacts').at(-1)!.path).toBe(
      '/contacts?q=quis&channel=sms&consent=true&limit=50',
    );
  });

  it('creates a contact and shows the server’s field messages where they belong', async () => {
    stubApi({
      'GET /contacts': () => ({ items: [], nextCursor: null }),
      'GET /contact-fields': () => fields,
      'POST /contacts': () =>
        new Response(
          JSON.stringify({
            error: {
              code: 'VALIDATION_FAILED',
              message: 'addresses.0.address: Write the phone in international form',
              details: {
                issues: [{ path: 'addresses.0.address', message: 'Write the phone in international form' }],
              },
            },
          }),
          { status: 400 },
        ),
    });
    render(<ContactsPage query={new URLSearchParams()} />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'New contact' }));
    await settle();
    const dialog = screen.getByRole('dialog', { hidden: true });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'First name', hidden: true }), {
      target: { value: 'Luis' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Address', hidden: true }), {
      target: { value: '987' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save', hidden: true }));
    await settle();
    expect(within(dialog).getByRole('alert', { hidden: true }).textContent).toBe(
      'Write the phone in international form',
    );
  });
});

describe('ContactFieldsDialog', () => {
  it('adds a choice field with its choices and shows the key problem the server names', async () => {
    const saved: unknown[] = [];
    stubApi({
      'GET /contacts': () => ({ items: [], nextCursor: null }),
      'GET /contact-fields': () => ({ items: saved }),
      'POST /contact-fields': ({ body, call }) => {
        if (call === 0)
          return new Response(
            JSON.stringify({
              error: {
                code: 'VALIDATION_FAILED',
                message: 'key: bad',
                details: { issues: [{ path: 'key', message: 'A key is lower-case letters' }] },
              },
            }),
            { status: 400 },
          );
        const field = { id: 'f9', createdAt: '', ...(body as object) };
        saved.push(field);
        return new Response(JSON.stringify(field), { status: 201 });
      },
    });
    render(<ContactsPage query={new URLSearchParams()} />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Custom fields' }));
    await settle();
    const dialog = screen.getByRole('dialog', { hidden: true });
    expect(within(dialog).getByText('No custom fields yet.')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Label', hidden: true }), {
      target: { value: 'Plan' },
    });
    fireEvent.change(
      within(dialog).getByRole('textbox', { name: 'Key (used in templates and segments)', hidden: true }),
      {
        target: { value: 'Plan' },
      },
    );
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Type', hidden: true }), {
      target: { value: 'choice' },
    });
    fireEvent.change(
      within(dialog).getByRole('textbox', { name: 'Choices (separated by commas)', hidden: true }),
      {
        target: { value: 'basico, premium' },
      },
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add field', hidden: true }));
    await settle();
    expect(within(dialog).getByRole('alert', { hidden: true }).textContent).toBe(
      'A key is lower-case letters',
    );
    fireEvent.change(
      within(dialog).getByRole('textbox', { name: 'Key (used in templates and segments)', hidden: true }),
      {
        target: { value: 'plan' },
      },
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add field', hidden: true }));
    await settle();
    expect(saved).toEqual([
      expect.objectContaining({ key: 'plan', label: 'Plan', type: 'choice', choices: ['basico', 'premium'] }),
    ]);
    expect(within(dialog).getByText('basico, premium')).toBeTruthy();
  });
});

describe('ContactDetailPage', () => {
  const routes = () => ({
    'GET /contacts/{id}': () => ana,
    [`GET /contacts/${ana.id}`]: () => ana,
    'GET /contact-fields': () => fields,
    [`GET /contacts/${ana.id}/timeline`]: () => ({ items: timeline(), nextCursor: null }),
  });

  it('shows the timeline with channel marks, Spanish status words and relative times', async () => {
    useLocale.getState().setLocale('es');
    stubApi(routes());
    render(
      <PermissionsProvider permissions={['contacts:read', 'messages:read']}>
        <ContactDetailPage contactId={ana.id} />
      </PermissionsProvider>,
    );
    await settle();
    expect(screen.getByRole('heading', { name: 'Ana Quispe' })).toBeTruthy();
    const items = within(screen.getByRole('region', { name: 'Historial' })).getAllByRole('listitem');
    expect(items.map((i) => i.getAttribute('data-kind'))).toEqual([
      'campaign',
      'call',
      'email_event',
      'message',
      'message',
    ]);
    expect(items[0]!.textContent).toContain('Campaña «Marzo»');
    expect(items[0]!.textContent).toContain('entregado');
    expect(items[0]!.textContent).toContain('hace 1 hora');
    expect(within(items[1]!).getByRole('img', { name: 'Llamada' })).toBeTruthy();
    expect(items[1]!.querySelector('audio')!.getAttribute('src')).toBe('/api/v1/recordings/r1/audio');
    expect(items[2]!.textContent).toContain('Abrió el correo');
    expect(within(items[3]!).getByRole('img', { name: 'WhatsApp' })).toBeTruthy();
    expect(items[3]!.textContent).toContain('ayer');
    expect(items[4]!.textContent).toContain('no entregado');
    expect(items[4]!.textContent).toContain('Mensaje borrado');
    expect(
      screen.getByText(
        'Consentimiento: palabra clave, ' + new Date(ana.addresses[0]!.consent!.at).toLocaleString('es'),
      ),
    ).toBeTruthy();
    // Field labels, not keys; yes/no, not true/false.
    expect(screen.getByText('Plan')).toBeTruthy();
    expect(screen.getByText('Sí')).toBeTruthy();
    // Operators neither edit, merge nor erase.
    expect(screen.queryByRole('button', { name: 'Editar' })).toBeNull();
  });

  it('merges a picked duplicate after confirming, and erases only after a clear warning', async () => {
    const api = stubApi({
      ...routes(),
      'GET /contacts': () => ({ items: [ana, duplicate], nextCursor: null }),
      [`POST /contacts/${ana.id}/merge`]: () => ({ ...ana, tags: ['vip', 'lima'] }),
      [`POST /contacts/${ana.id}/erase`]: () =>
        apiError(403, 'FORBIDDEN', 'Only an admin can erase contacts'),
    });
    render(<ContactDetailPage contactId={ana.id} />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Merge a duplicate' }));
    fireEvent.change(
      screen.getByRole('searchbox', { name: 'Find the duplicate by name, phone or email', hidden: true }),
      {
        target: { value: 'Ana' },
      },
    );
    await settle();
    // The contact itself is not offered as its own duplicate.
    expect(screen.queryByRole('button', { name: 'Pick Ana Quispe', hidden: true })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Pick Ana M. Quispe', hidden: true }));
    expect(screen.getByText(/Ana M. Quispe will be merged into Ana Quispe/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Merge', hidden: true }));
    await settle();
    expect(api.callsTo(`POST /contacts/${ana.id}/merge`)[0]!.body).toEqual({ from: duplicate.id });
    expect(screen.getByText('lima')).toBeTruthy();

    // An erasure is asked for in words that say what goes and what stays, and can fail visibly.
    fireEvent.click(screen.getByRole('button', { name: 'Erase personal data' }));
    expect(
      screen.getByText(/An anonymous record stays so reports and campaign counts do not change/),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Erase for good', hidden: true }));
    await settle();
    expect(screen.getByRole('alert', { hidden: true }).textContent).toContain(
      'Only an admin can erase contacts',
    );
  });

  it('exports after confirming, erases after confirming, then shows only the anonymous record (Spanish)', async () => {
    useLocale.getState().setLocale('es');
    let current: Contact = ana;
    const api = stubApi({
      ...routes(),
      [`GET /contacts/${ana.id}`]: () => current,
      [`POST /contacts/${ana.id}/erase`]: () => {
        current = {
          ...ana,
          firstName: '',
          lastName: '',
          tags: [],
          attributes: {},
          addresses: [],
          erasedAt: '2026-02-01T09:00:00.000Z',
        };
        return { messages: 3, recordings: 1, erasedAt: current.erasedAt };
      },
    });
    const clicked: string[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this.getAttribute('href')!);
    };
    try {
      render(<ContactDetailPage contactId={ana.id} />);
      await settle();
      fireEvent.click(screen.getByRole('button', { name: 'Exportar datos' }));
      expect(screen.getByText(/Son datos personales/)).toBeTruthy();
      expect(clicked).toEqual([]);
      fireEvent.click(screen.getByRole('button', { name: 'Descargar', hidden: true }));
      await settle();
      expect(clicked).toEqual([`/api/v1/contacts/${ana.id}/export`]);
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }

    fireEvent.click(screen.getByRole('button', { name: 'Borrar datos personales' }));
    const dialog = screen.getByRole('dialog', { hidden: true });
    expect(within(dialog).getByText(/Queda un registro anónimo/)).toBeTruthy();
    // Nothing goes until it is confirmed.
    expect(api.callsTo(`POST /contacts/${ana.id}/erase`)).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Borrar para siempre', hidden: true }));
    await settle();
    expect(api.callsTo(`POST /contacts/${ana.id}/erase`)).toHaveLength(1);
    expect(screen.getByRole('status').textContent).toMatch(/Datos personales borrados el/);
    // An anonymous record offers nothing more to do.
    expect(screen.queryByRole('button', { name: 'Borrar datos personales' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Editar' })).toBeNull();
  });
});
