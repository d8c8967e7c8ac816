// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { QuotasSection } from './quotas-section.tsx';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';

useComponentTestHooks();

const sms = {
  channel: 'sms',
  period: 'year',
  amount: 800000,
  overdraft: 0,
  warnPercent: 80,
  periodStart: '2026-01-01T00:00:00.000Z',
  periodEnd: '2027-01-01T00:00:00.000Z',
  used: 680000,
  added: 0,
  limit: 800000,
  remaining: 120000,
  percent: 85,
  warning: true,
  exhausted: false,
  inFlight: 0,
};

describe('QuotasSection', () => {
  it('shows each bag with its use, warns past 80 %, and explains the balance in the ledger', async () => {
    stubApi({
      'GET /quotas': () => ({ items: [sms] }),
      'GET /quotas/sms/ledger': () => ({
        opening: { amount: 800000, periodStart: sms.periodStart },
        items: [
          {
            id: 'l1',
            at: '2026-03-01T10:00:00.000Z',
            delta: -3,
            reason: 'delivered',
            messageId: 'm1',
            campaignId: null,
            note: null,
          },
        ],
        nextCursor: null,
      }),
    });
    render(<QuotasSection />);
    await settle();
    expect(screen.getByRole('meter', { name: 'SMS' }).getAttribute('aria-valuenow')).toBe('680000');
    expect(screen.getByRole('alert').textContent).toContain('The SMS bag is at 85 %');
    expect(screen.getByText('Delivered')).toBeTruthy();
    expect(screen.getByText('-3')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(
      '/api/v1/quotas/sms/ledger?format=csv',
    );
  });

  it('saves a bag and shows the server’s refusal to a non-admin', async () => {
    const api = stubApi({
      'GET /quotas': () => ({ items: [] }),
      'PUT /quotas/email': () => apiError(403, 'FORBIDDEN', 'Only an admin can set the quotas'),
    });
    render(<QuotasSection />);
    await settle();
    expect(screen.getByText('No bags yet: sends are not limited.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Messages'), { target: { value: '50000' } });
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: 'month' } });
    fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'email' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(api.callsTo('PUT /quotas/email')[0]!.body).toEqual({
      period: 'month',
      amount: 50000,
      overdraft: 0,
      warnPercent: 80,
    });
    expect(screen.getByRole('alert').textContent).toContain('Only an admin');
  });
});
