// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import type { CaughtMail } from '../../api/types.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { MailPage } from './mail-page.tsx';

useComponentTestHooks();

const mail: CaughtMail = {
  id: 'm1',
  messageId: 'msg1',
  runId: 'run1',
  from: 'Mesa de ayuda <help@desk.example>',
  to: ['ana@example.org'],
  cc: [],
  subject: 'Novedades',
  createdAt: '2026-03-01T10:00:00.000Z',
  headers: [
    { name: 'From', value: 'Mesa de ayuda <help@desk.example>' },
    { name: 'Message-ID', value: '<abc@desk.example>' },
  ],
  text: 'Leer más: https://desk.example/more',
  html: '<h1>Novedades</h1><script>alert(1)</script>',
  unsubscribe: ['https://omniflow.example/u/1'],
  dkimSigned: true,
  attachments: [],
};

const list = () => ({
  items: [
    {
      id: 'm1',
      from: 'help@desk.example',
      to: ['ana@example.org'],
      subject: 'Novedades',
      createdAt: mail.createdAt,
    },
  ],
  nextCursor: null,
});

describe('MailPage', () => {
  it('opens a caught mail: HTML in a frame that runs no script, text with links to new tabs, headers', async () => {
    stubApi({ 'GET /mail-catcher/mails': list, 'GET /mail-catcher/mails/m1': () => mail });
    render(<MailPage />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: /Novedades/ }));
    await settle();
    const frame = screen.getByTitle('HTML preview of “Novedades”');
    expect(frame.getAttribute('sandbox')).toBe('allow-popups allow-popups-to-escape-sandbox');
    expect(frame.getAttribute('srcdoc')).toContain("script-src 'none'");
    expect(frame.getAttribute('srcdoc')).toContain('<base target="_blank">');
    expect(screen.getByRole('link', { name: 'Open the run that sent it' }).getAttribute('href')).toBe(
      '#/runs/run1',
    );
    expect(screen.getByRole('link', { name: 'Unsubscribe link' }).getAttribute('target')).toBe('_blank');
    expect(screen.getByText('DKIM-signed')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'Text' }));
    const link = within(screen.getByRole('tabpanel')).getByRole('link', {
      name: 'https://desk.example/more',
    });
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');

    fireEvent.click(screen.getByRole('tab', { name: 'Headers' }));
    expect(within(screen.getByRole('tabpanel')).getByText('<abc@desk.example>')).toBeTruthy();
  });

  it('writes a mail to the flows and says where it went, or why it was refused', async () => {
    const api = stubApi({
      'GET /mail-catcher/mails': () => ({ items: [], nextCursor: null }),
      'POST /mail-catcher/inbound': ({ call }) =>
        call === 0
          ? { results: [{ to: 'sales@desk.example', outcome: 'unrouted', runId: null }] }
          : apiError(409, 'CHANNEL_NOT_SANDBOX', 'Email reaches real people through its SMTP account'),
    });
    render(<MailPage />);
    await settle();
    expect(screen.getByText(/No mail yet/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Write a mail to your flows' }));
    fireEvent.change(screen.getByLabelText('From (the person)'), { target: { value: 'ana@example.org' } });
    fireEvent.change(screen.getByLabelText('To (your flow’s address)'), {
      target: { value: 'sales@desk.example' },
    });
    fireEvent.change(screen.getByLabelText('Subject'), { target: { value: 'Precios' } });
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: '¿Cuánto cuesta?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send mail' }));
    await settle();
    expect(api.callsTo('POST /mail-catcher/inbound')[0]!.body).toEqual({
      from: 'ana@example.org',
      to: 'sales@desk.example',
      subject: 'Precios',
      text: '¿Cuánto cuesta?',
    });
    expect(screen.getByRole('status').textContent).toContain('No flow takes mail to sales@desk.example');

    fireEvent.click(screen.getByRole('button', { name: 'Send mail' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('Email reaches real people');
  });
});
