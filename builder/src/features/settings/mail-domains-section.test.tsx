// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { MailDomainsSection } from './mail-domains-section.tsx';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';

useComponentTestHooks();

describe('MailDomainsSection', () => {
  it('shows the domains and saves the edited list, one per line, lower-cased', async () => {
    const api = stubApi({
      'GET /mail/domains': () => ({ domains: ['ayuda.example.org'] }),
      'PUT /mail/domains': ({ body }) => body,
    });
    render(<MailDomainsSection />);
    await settle();
    const field = screen.getByLabelText('Domains, one per line');
    expect((field as HTMLTextAreaElement).value).toBe('ayuda.example.org');
    expect(screen.getByRole('status').textContent).toBe('Saved');
    fireEvent.change(field, { target: { value: 'ayuda.example.org\nVentas.Example.org\n' } });
    expect(screen.getByRole('status').textContent).toBe('Not saved yet');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(api.callsTo('PUT /mail/domains')[0]!.body).toEqual({
      domains: ['ayuda.example.org', 'ventas.example.org'],
    });
    expect(screen.getByRole('status').textContent).toBe('Saved');
  });

  it('shows the server’s refusal (a domain another workspace has) and keeps the change unsaved', async () => {
    stubApi({
      'GET /mail/domains': () => ({ domains: [] }),
      'PUT /mail/domains': () =>
        apiError(409, 'MAIL_DOMAIN_TAKEN', 'ventas.example.org already takes mail for another workspace'),
    });
    render(<MailDomainsSection />);
    await settle();
    expect(screen.getByText('No domains yet: only trigger and sending addresses take mail.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Domains, one per line'), {
      target: { value: 'ventas.example.org' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('another workspace');
    expect(screen.getByRole('status').textContent).toBe('Not saved yet');
  });
});
