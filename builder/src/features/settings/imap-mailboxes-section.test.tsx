// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImapMailbox } from '../../api/types.ts';
import { apiError, stubApi } from '../../api/test-api.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { ImapMailboxesSection } from './imap-mailboxes-section.tsx';

useComponentTestHooks();

const mailbox: ImapMailbox = {
  id: '0190b3c4-0000-7000-8000-000000000001',
  host: 'imap.example.org',
  port: 993,
  security: 'tls',
  user: 'ayuda@example.org',
  hasPassword: true,
  folder: 'INBOX',
  address: 'ayuda@example.org',
  pollSeconds: 300,
  enabled: true,
  status: 'working',
  connectedAt: '2030-01-02T03:04:05.000Z',
  lastError: null,
  lastMailAt: '2030-01-02T03:10:00.000Z',
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
};

const fill = (form: HTMLElement, label: string, value: string) =>
  fireEvent.change(within(form).getByLabelText(label), { target: { value } });

describe('ImapMailboxesSection', () => {
  it('shows each mailbox working or not in words, with when mail last came and how often it looks', async () => {
    stubApi({
      'GET /mail/mailboxes': () => ({
        items: [
          mailbox,
          {
            ...mailbox,
            id: '0190b3c4-0000-7000-8000-000000000002',
            address: 'ventas@example.org',
            user: 'ventas@example.org',
            pollSeconds: 45,
            status: 'failing',
            connectedAt: null,
            lastMailAt: null,
            lastError: { code: 'IMAP_AUTH_FAILED', message: 'refused', at: '2030-01-02T04:00:00.000Z' },
          },
        ],
      }),
    });
    render(<ImapMailboxesSection />);
    await settle();
    const working = screen.getByRole('article', { name: 'ayuda@example.org' });
    expect(within(working).getByText('Working')).toBeTruthy();
    expect(within(working).getByText(/Looks for new mail every 5 minutes/)).toBeTruthy();
    expect(within(working).getByText(/^Last mail taken /)).toBeTruthy();
    const failing = screen.getByRole('article', { name: 'ventas@example.org' });
    expect(within(failing).getByText('Not working')).toBeTruthy();
    expect(within(failing).getByText(/every 45 seconds/)).toBeTruthy();
    expect(within(failing).getByRole('alert').textContent).toMatch(
      /The server refused the user name or password/,
    );
    expect(within(failing).getByText('No mail taken yet')).toBeTruthy();
    // No ids, no ISO times on the page.
    expect(document.body.textContent).not.toMatch(/0190b3c4|2030-01-02T/);
  });

  it('connects a mailbox: tests it, shows the server’s refusal in words, then saves it in minutes', async () => {
    const api = stubApi({
      'GET /mail/mailboxes': ({ call }) => ({ items: call === 0 ? [] : [mailbox] }),
      'POST /mail/mailboxes/test': ({ call }) =>
        call === 0
          ? apiError(422, 'IMAP_AUTH_FAILED', 'imap.example.org:993 refused the user name or password')
          : { ok: true, messages: 12 },
      'POST /mail/mailboxes': () => new Response(JSON.stringify(mailbox), { status: 201 }),
    });
    render(<ImapMailboxesSection />);
    await settle();
    expect(screen.getByText('No mailbox connected yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Connect a mailbox' }));
    const form = screen.getByRole('form', { name: 'Connect a mailbox' });
    fill(form, 'IMAP server', 'imap.example.org');
    fill(form, 'User name', 'ayuda@example.org');
    fill(form, 'Password', 'secreto');
    fill(form, 'Look for new mail every', '5');
    fireEvent.click(within(form).getByRole('button', { name: 'Test connection' }));
    await settle();
    expect(within(form).getByRole('status').textContent).toMatch(/refused the user name or password/);
    fireEvent.click(within(form).getByRole('button', { name: 'Test connection' }));
    await settle();
    expect(within(form).getByRole('status').textContent).toBe(
      'It works: signed in and opened the folder (12 mails in it).',
    );
    expect(api.callsTo('POST /mail/mailboxes/test')[1]!.body).toEqual({
      host: 'imap.example.org',
      port: 993,
      security: 'tls',
      user: 'ayuda@example.org',
      folder: 'INBOX',
      password: 'secreto',
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await settle();
    expect(api.callsTo('POST /mail/mailboxes')[0]!.body).toEqual({
      host: 'imap.example.org',
      port: 993,
      security: 'tls',
      user: 'ayuda@example.org',
      folder: 'INBOX',
      password: 'secreto',
      pollSeconds: 300,
      enabled: true,
    });
    expect(screen.getByRole('article', { name: 'ayuda@example.org' })).toBeTruthy();
    expect(screen.getByText('Saved: Omniflow starts reading it now.')).toBeTruthy();
  });

  it('edits without sending a password unless one is typed, and follows the usual port for STARTTLS', async () => {
    const api = stubApi({
      'GET /mail/mailboxes': () => ({ items: [mailbox] }),
      [`PATCH /mail/mailboxes/${mailbox.id}`]: ({ body }) => ({ ...mailbox, ...(body as object) }),
    });
    render(<ImapMailboxesSection />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit ayuda@example.org' });
    expect((within(form).getByLabelText('Password') as HTMLInputElement).value).toBe('');
    expect(within(form).getByText('Leave empty to keep the saved password')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Security'), { target: { value: 'starttls' } });
    expect((within(form).getByLabelText('Port') as HTMLInputElement).value).toBe('143');
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await settle();
    const sent = api.callsTo(`PATCH /mail/mailboxes/${mailbox.id}`)[0]!.body;
    expect(sent).toMatchObject({
      security: 'starttls',
      port: 143,
      pollSeconds: 300,
      address: 'ayuda@example.org',
    });
    expect(sent).not.toHaveProperty('password');
  });

  it('disconnects a mailbox only after confirming', async () => {
    const api = stubApi({
      'GET /mail/mailboxes': ({ call }) => ({ items: call === 0 ? [mailbox] : [] }),
      [`DELETE /mail/mailboxes/${mailbox.id}`]: () => new Response(null, { status: 204 }),
    });
    render(<ImapMailboxesSection />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(api.callsTo(`DELETE /mail/mailboxes/${mailbox.id}`)).toHaveLength(0);
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('Stop reading ayuda@example.org?');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Disconnect' }));
    await settle();
    expect(api.callsTo(`DELETE /mail/mailboxes/${mailbox.id}`)).toHaveLength(1);
    expect(screen.getByText('No mailbox connected yet.')).toBeTruthy();
  });

  it('is not shown to someone who is not an admin', async () => {
    stubApi({
      'GET /mail/mailboxes': () =>
        apiError(403, 'FORBIDDEN', 'Only an admin can see the connected mailboxes'),
    });
    render(<ImapMailboxesSection />);
    await settle();
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.queryByRole('heading')).toBeNull();
  });
});
