// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { AuditPage } from './audit-page.tsx';
import { auditExportHref, auditQuery, emptyAuditFilter } from './audit-filter.ts';
import { diffRows } from './audit-diff-rows.ts';

useComponentTestHooks();

const event = (over: Record<string, unknown> = {}) => ({
  id: '01900000-0000-7000-8000-000000000001',
  occurredAt: '2026-12-07T09:30:00.000Z',
  actor: { kind: 'user', id: 'u1', name: 'Lucía Pérez', email: 'lucia@example.org', userId: null },
  action: 'flow.updated',
  resource: { type: 'flow', id: 'f1', label: 'Citas médicas' },
  method: 'PUT',
  path: '/api/v1/flows/f1',
  status: 200,
  ip: '203.0.113.7',
  userAgent: 'Firefox',
  requestId: 'req-42',
  before: { name: 'Citas', description: 'igual' },
  after: { name: 'Citas médicas', description: 'igual' },
  details: null,
  ...over,
});

const settings = () => ({ runRetentionDays: 45, auditRetentionDays: 365 });

describe('AuditPage', () => {
  it('lists rows with actions in words, opens a row’s before and after, and pages on', async () => {
    const api = stubApi({
      'GET /audit': ({ url }) =>
        url.searchParams.get('cursor')
          ? {
              items: [
                event({
                  id: '01900000-0000-7000-8000-000000000002',
                  action: 'recording.played',
                  actor: { kind: 'api-key', id: 'k1', name: 'CRM', email: null, userId: 'u1' },
                  resource: { type: 'recording', id: 'r1', label: null },
                  before: null,
                  after: null,
                }),
              ],
              nextCursor: null,
            }
          : { items: [event()], nextCursor: 'next-page' },
      'GET /workspace/settings': settings,
    });
    render(<AuditPage />);
    await settle();
    const table = screen.getByRole('table');
    expect(within(table).getByText('Changed a flow')).toBeTruthy();
    expect(within(table).getByText('Lucía Pérez')).toBeTruthy();
    expect(within(table).getByText('Citas médicas')).toBeTruthy();
    expect(table.textContent).not.toContain('flow.updated');

    fireEvent.click(screen.getByRole('button', { name: 'Show what changed' }));
    const changed = document.querySelectorAll('tr[data-changed="true"]');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.textContent).toContain('Citas');
    expect(changed[0]!.textContent).toContain('Citas médicas');
    expect(screen.getByText('Request id: req-42')).toBeTruthy();
    // Unchanged fields only on request.
    expect(document.querySelectorAll('tr[data-changed="false"]')).toHaveLength(0);
    fireEvent.click(screen.getByLabelText('Show unchanged fields too'));
    expect(document.querySelectorAll('tr[data-changed="false"]')).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await settle();
    expect(within(table).getByText('Played or downloaded a recording')).toBeTruthy();
    expect(within(table).getByText('CRM')).toBeTruthy();
    expect(api.callsTo('GET /audit')[1]!.path).toContain('cursor=next-page');
  });

  it('searches with the filter bar and downloads what it shows', async () => {
    const api = stubApi({
      'GET /audit': () => ({ items: [], nextCursor: null }),
      'GET /workspace/settings': settings,
    });
    render(<AuditPage />);
    await settle();
    expect(screen.getByText('Nothing recorded matches this search.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('What'), { target: { value: 'flow.published' } });
    fireEvent.change(screen.getByLabelText('Who (name, email or id)'), { target: { value: 'lucia' } });
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'Citas' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await settle();
    const last = api.callsTo('GET /audit').at(-1)!.path;
    expect(last).toContain('action=flow.published');
    expect(last).toContain('actor=lucia');
    expect(last).toContain('q=Citas');
    const excel = screen.getByRole('link', { name: 'Download Excel' }).getAttribute('href')!;
    expect(excel).toBe('/api/v1/audit/export?actor=lucia&action=flow.published&q=Citas&format=xlsx');
    expect(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toContain('format=csv');
  });

  it('speaks Spanish, and shows the server’s refusal', async () => {
    useLocale.getState().setLocale('es');
    stubApi({
      'GET /audit': () => apiError(403, 'FORBIDDEN', 'Only an admin can read the audit log'),
      'GET /workspace/settings': settings,
    });
    render(<AuditPage />);
    await settle();
    expect(screen.getByRole('heading', { name: 'Registro de auditoría' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Only an admin can read the audit log');
    expect(screen.getByRole('link', { name: 'Descargar Excel' })).toBeTruthy();
    useLocale.getState().setLocale('en');
  });

  it('keeps the audit log for the days an admin sets, from 30 to 3650', async () => {
    const api = stubApi({
      'GET /audit': () => ({ items: [], nextCursor: null }),
      'GET /workspace/settings': settings,
      'PUT /workspace/settings': ({ body }) => ({ runRetentionDays: 45, ...(body as object) }),
    });
    render(<AuditPage />);
    await settle();
    const days = screen.getByLabelText('Keep the audit log for (days)') as HTMLInputElement;
    expect(days.value).toBe('365');
    fireEvent.change(days, { target: { value: '10' } });
    expect(screen.getByText('Enter a whole number of days from 30 to 3650')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true);
    fireEvent.change(days, { target: { value: '730' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(api.callsTo('PUT /workspace/settings')[0]!.body).toEqual({ auditRetentionDays: 730 });
    expect(screen.getByRole('status').textContent).toBe('Saved');
  });
});

describe('audit filters and diffs', () => {
  it('makes the period whole days and leaves empty fields out', () => {
    const query = auditQuery({ ...emptyAuditFilter, from: '2026-12-01', to: '2026-12-07', actor: '  ' });
    expect(Object.keys(query)).toEqual(['from', 'to']);
    expect(new Date(query.to!).getTime() - new Date(query.from!).getTime()).toBeGreaterThanOrEqual(
      7 * 86_400_000 - 3_600_000,
    );
    expect(auditQuery({ ...emptyAuditFilter, from: 'not a day' })).toEqual({});
    expect(auditExportHref(emptyAuditFilter, 'csv')).toBe('/api/v1/audit/export?format=csv');
  });

  it('puts changed fields first and shows a created resource against nothing', () => {
    expect(diffRows({ a: 1, b: 2 }, { a: 1, b: 3, c: [1] })).toEqual([
      { field: 'b', before: '2', after: '3', changed: true },
      { field: 'c', before: null, after: '[\n  1\n]', changed: true },
      { field: 'a', before: '1', after: '1', changed: false },
    ]);
    expect(diffRows(null, { name: 'x' })).toEqual([
      { field: 'name', before: null, after: 'x', changed: true },
    ]);
  });
});
