// @vitest-environment happy-dom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { ReportSchedulesPage } from './report-schedules-page.tsx';

useComponentTestHooks();

const delivery = (over: Record<string, unknown> = {}) => ({
  id: '01900000-0000-7000-8000-00000000d001',
  trigger: 'schedule',
  status: 'sent',
  attempts: 1,
  error: null,
  filename: 'call-traffic-2026-12-07.xlsx',
  bytes: 8123,
  periodFrom: '2026-12-06T05:00:00.000Z',
  periodTo: '2026-12-07T05:00:00.000Z',
  createdAt: '2026-12-07T12:00:00.000Z',
  finishedAt: '2026-12-07T12:00:03.000Z',
  ...over,
});
const schedule = (over: Record<string, unknown> = {}) => ({
  id: '01900000-0000-7000-8000-00000000s001',
  report: 'call-traffic',
  period: 'yesterday',
  bucket: 'day',
  filters: {},
  format: 'xlsx',
  frequency: 'daily',
  hour: 7,
  recipients: ['jefa@example.test', 'analista@example.test'],
  language: 'es',
  enabled: true,
  timezone: 'America/Lima',
  nextRunAt: '2026-12-08T12:00:00.000Z',
  lastDelivery: delivery(),
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  ...over,
});

const reportList = {
  items: [
    { name: 'call-traffic', title: 'Tráfico de llamadas', description: '' },
    { name: 'email', title: 'Correo electrónico', description: '' },
  ],
};

describe('ReportSchedulesPage', () => {
  it('lists schedules in words with their last delivery, in Spanish', async () => {
    useLocale.getState().setLocale('es');
    stubApi({
      'GET /reports': () => reportList,
      'GET /report-schedules': () => ({
        reports: ['call-traffic'],
        items: [
          schedule(),
          schedule({
            id: '01900000-0000-7000-8000-00000000s002',
            period: 'last-week',
            format: 'pdf',
            frequency: 'weekly',
            hour: 8,
            lastDelivery: delivery({ status: 'failed', attempts: 3, error: '550 5.1.1 No such user' }),
          }),
        ],
      }),
    });
    render(<ReportSchedulesPage />);
    await settle();
    expect(screen.getByRole('heading', { name: 'Informes programados' })).toBeTruthy();
    expect(screen.getByText(/zona horaria \(America\/Lima\)/)).toBeTruthy();
    const text = screen.getByRole('table').textContent!;
    expect(text).toContain('ayer, Excel, cada día a las 07:00');
    expect(text).toContain('la semana pasada (de lunes a domingo), PDF, cada lunes a las 08:00');
    expect(text).toContain('jefa@example.test, analista@example.test');
    // Each report by its title, not its name.
    expect(screen.getAllByRole('cell')[0]!.textContent).toBe('Tráfico de llamadas');
    expect(text).not.toContain('call-traffic');
    const last = screen.getAllByTestId('last-delivery').map((c) => c.textContent);
    expect(last[0]).toMatch(/^Enviado /);
    expect(last[1]).toMatch(/^Falló .* tras 3 intentos: 550 5\.1\.1 No such user$/);
    // No ids or ISO times on the screen.
    expect(text).not.toContain('01900000');
    expect(text).not.toContain('2026-12-08T');
  });

  it('creates a schedule from the form, splitting the recipients, and shows the server’s refusal', async () => {
    let created = false;
    const api = stubApi({
      'GET /reports': () => reportList,
      'GET /report-schedules': () => ({
        reports: ['call-traffic', 'email'],
        items: created ? [schedule()] : [],
      }),
      'POST /report-schedules': ({ body }) => {
        const recipients = (body as { recipients: string[] }).recipients;
        if (recipients.includes('bad'))
          return apiError(
            400,
            'VALIDATION_FAILED',
            'recipients.0: Write an e-mail address like ana@example.com',
          );
        created = true;
        return new Response(JSON.stringify(schedule()), { status: 201 });
      },
    });
    render(<ReportSchedulesPage />);
    await settle();
    expect(screen.getByText('No report is scheduled yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Schedule a report' }));
    const picker = screen.getByLabelText('Report');
    expect([...picker.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Tráfico de llamadas',
      'Correo electrónico',
    ]);
    fireEvent.change(picker, { target: { value: 'email' } });
    fireEvent.change(screen.getByLabelText('Covering'), { target: { value: 'last-month' } });
    fireEvent.change(screen.getByLabelText('File'), { target: { value: 'pdf' } });
    fireEvent.change(screen.getByLabelText('Sent'), { target: { value: 'monthly' } });
    fireEvent.change(screen.getByLabelText('At (hour)'), { target: { value: '9' } });
    fireEvent.change(screen.getByLabelText('Language of the report'), { target: { value: 'en' } });
    fireEvent.change(screen.getByLabelText('Recipients (one e-mail address a line)'), {
      target: { value: 'bad' },
    });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('Write an e-mail address like ana@example.com');

    fireEvent.change(screen.getByLabelText('Recipients (one e-mail address a line)'), {
      target: { value: 'ana@example.test\nluis@example.test, eva@example.test' },
    });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    await settle();
    expect(api.callsTo('POST /report-schedules').at(-1)!.body).toEqual({
      report: 'email',
      period: 'last-month',
      bucket: 'day',
      filters: {},
      format: 'pdf',
      frequency: 'monthly',
      hour: 9,
      recipients: ['ana@example.test', 'luis@example.test', 'eva@example.test'],
      language: 'en',
      enabled: true,
    });
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.getByRole('table').textContent).toContain('yesterday, Excel, every day at 07:00');
  });

  it('sends now and follows the delivery until it is sent', async () => {
    let listed = 0;
    const api = stubApi({
      'GET /report-schedules': () => {
        listed++;
        const last =
          listed === 1
            ? null
            : listed === 2
              ? delivery({ trigger: 'manual', status: 'sending', attempts: 1, finishedAt: null })
              : delivery({ trigger: 'manual' });
        return { reports: ['call-traffic'], items: [schedule({ lastDelivery: last })] };
      },
      [`POST /report-schedules/${schedule().id}/send`]: () =>
        new Response(JSON.stringify(delivery({ trigger: 'manual', status: 'sending', attempts: 0 })), {
          status: 202,
        }),
    });
    render(<ReportSchedulesPage />);
    await settle();
    expect(screen.getByTestId('last-delivery').textContent).toBe('Not sent yet');
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Send now' })));
    await settle();
    expect(api.callsTo(`POST /report-schedules/${schedule().id}/send`)).toHaveLength(1);
    expect(screen.getByTestId('last-delivery').textContent).toBe('Sending (try 1)…');
    await act(() => vi.advanceTimersByTimeAsync(1600));
    await settle();
    expect(screen.getByTestId('last-delivery').textContent).toMatch(/^Sent /);
    // Once it ended, the page stops asking.
    const asked = api.callsTo('GET /report-schedules').length;
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(api.callsTo('GET /report-schedules')).toHaveLength(asked);
  });
});
