// @vitest-environment happy-dom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import type { DeliverabilityReport } from '../../api/types.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { DeliverabilitySection } from './deliverability-section.tsx';
import { deliverabilityMessages } from './deliverability-messages.ts';

useComponentTestHooks();

const report: DeliverabilityReport = {
  domain: 'ejemplo.test',
  checkedAt: '2026-12-06T19:00:00.000Z',
  sendingServer: { host: 'mail.ejemplo.test', source: 'settings' },
  checks: [
    {
      kind: 'spf',
      status: 'error',
      findings: [
        {
          code: 'SPF_SERVER_NOT_ALLOWED',
          params: {
            domain: 'ejemplo.test',
            server: 'mail.ejemplo.test',
            address: '192.0.2.10',
            result: 'fail',
          },
        },
      ],
      published: ['v=spf1 ip4:198.51.100.7 -all'],
      record: {
        name: 'ejemplo.test',
        type: 'TXT',
        value: 'v=spf1 a:mail.ejemplo.test ip4:198.51.100.7 -all',
        replaces: 'v=spf1 ip4:198.51.100.7 -all',
      },
    },
    {
      kind: 'dkim',
      status: 'ok',
      findings: [
        { code: 'DKIM_OK', params: { domain: 'ejemplo.test', name: 'omni._domainkey.ejemplo.test' } },
      ],
      published: ['v=DKIM1; k=rsa; p=MIIB'],
    },
    {
      kind: 'dmarc',
      status: 'error',
      findings: [{ code: 'DMARC_MISSING', params: { domain: 'ejemplo.test', name: '_dmarc.ejemplo.test' } }],
      published: [],
      record: { name: '_dmarc.ejemplo.test', type: 'TXT', value: 'v=DMARC1; p=none' },
    },
    {
      kind: 'mx',
      status: 'unknown',
      findings: [{ code: 'DNS_FAILED', params: { name: 'ejemplo.test', reason: 'ETIMEOUT' } }],
      published: [],
    },
  ],
};

describe('DeliverabilitySection', () => {
  it('checks the workspace’s sending domain and explains each record, with the record to publish', async () => {
    const api = stubApi({
      'GET /email/deliverability/domains': () => ({
        domains: ['ejemplo.test', 'otro.test'],
        sendingServer: null,
      }),
      'GET /email/deliverability': () => report,
    });
    render(<DeliverabilitySection />);
    await settle();
    const domain = screen.getByLabelText('Sending domain');
    expect((domain as HTMLInputElement).value).toBe('ejemplo.test');
    expect(api.callsTo('GET /email/deliverability')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await settle();
    expect(api.callsTo('GET /email/deliverability')[0]!.path).toBe(
      '/email/deliverability?domain=ejemplo.test',
    );
    expect(screen.getByRole('status').textContent).toBe('ejemplo.test: 1 of 4 records correct');

    const spf = screen.getByRole('article', { name: 'SPF — which servers may send as you' });
    expect(within(spf).getByTestId('check-status').textContent).toBe('Needs fixing');
    expect(spf.textContent).toContain(
      'SPF does not list your SMTP server mail.ejemplo.test as allowed to send for ejemplo.test',
    );
    expect(within(spf).getByText('Put this record in place of the published one')).toBeTruthy();
    expect(within(spf).getByTestId('record-value').textContent).toBe(
      'v=spf1 a:mail.ejemplo.test ip4:198.51.100.7 -all',
    );
    expect(within(spf).getByRole('button', { name: 'Copy the record value' })).toBeTruthy();

    const dmarc = screen.getByRole('article', { name: 'DMARC — what receivers do with mail that fails' });
    expect(within(dmarc).getByText('Add this record')).toBeTruthy();
    expect(within(dmarc).getByText('Nothing published.')).toBeTruthy();

    const dkim = screen.getByRole('article', { name: 'DKIM — the signature on every mail' });
    expect(within(dkim).queryByTestId('record-to-publish')).toBeNull();
    const mx = screen.getByRole('article', { name: 'MX — where replies and bounces arrive' });
    expect(within(mx).getByTestId('check-status').textContent).toBe('Could not check');
    expect(mx.textContent).toContain('The DNS server did not answer for ejemplo.test (ETIMEOUT)');
    expect(screen.getByText(/Judged against your SMTP server mail\.ejemplo\.test/)).toBeTruthy();
  });

  it('speaks Spanish to a Spanish reader', async () => {
    stubApi({
      'GET /email/deliverability/domains': () => ({ domains: ['ejemplo.test'], sendingServer: null }),
      'GET /email/deliverability': () => report,
    });
    act(() => useLocale.getState().setLocale('es'));
    render(<DeliverabilitySection />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Comprobar' }));
    await settle();
    expect(screen.getByRole('status').textContent).toBe('ejemplo.test: 1 de 4 registros correctos');
    const dmarc = screen.getByRole('article', {
      name: 'DMARC — qué hacen los destinatarios con el correo que no pasa',
    });
    expect(dmarc.textContent).toContain('ejemplo.test no publica ningún registro DMARC');
    expect(within(dmarc).getByText('Añade este registro')).toBeTruthy();
  });

  it('shows the server’s refusal of a bad domain', async () => {
    stubApi({
      'GET /email/deliverability/domains': () => ({ domains: [], sendingServer: null }),
      'GET /email/deliverability': () =>
        apiError(400, 'VALIDATION_FAILED', 'domain: domain must be a domain name, like example.com'),
    });
    render(<DeliverabilitySection />);
    await settle();
    const check = screen.getByRole('button', { name: 'Check' });
    expect(check.hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByLabelText('Sending domain'), { target: { value: 'not a domain' } });
    fireEvent.click(check);
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('domain must be a domain name, like example.com');
    expect(screen.queryByTestId('deliverability-report')).toBeNull();
  });

  it('tells an operator that only designers and admins can check', async () => {
    stubApi({
      'GET /email/deliverability/domains': () =>
        apiError(403, 'FORBIDDEN', 'Only designers and admins can check'),
    });
    render(<DeliverabilitySection />);
    await settle();
    expect(screen.getByText('Only designers and admins can check a sending domain.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Check' })).toBeNull();
  });

  it('words every finding code in both languages', () => {
    const codes = new Set(report.checks.flatMap((c) => c.findings.map((f) => f.code)));
    for (const code of codes) {
      expect(deliverabilityMessages.en[`deliverability.finding.${code}`]).toBeTruthy();
      expect(deliverabilityMessages.es[`deliverability.finding.${code}`]).toBeTruthy();
    }
    expect(Object.keys(deliverabilityMessages.es).sort()).toEqual(
      Object.keys(deliverabilityMessages.en).sort(),
    );
  });
});
