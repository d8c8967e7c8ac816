// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { WebhooksPage } from './webhooks-page.tsx';

useComponentTestHooks();

const subscription = {
  id: '0190b3c4-0000-7000-8000-000000000001',
  url: 'https://crm.example.org/omniflow',
  description: 'CRM',
  events: ['message.delivered', 'run.failed'],
  active: true,
  createdAt: '2026-12-07T09:00:00.000Z',
  updatedAt: '2026-12-07T09:00:00.000Z',
};

const delivery = {
  id: '0190b3c4-0000-7000-8000-0000000000d1',
  eventId: '0190b3c4-0000-8000-8000-0000000000e1',
  eventType: 'message.delivered',
  state: 'pending',
  nextAttemptAt: '2026-12-07T09:05:00.000Z',
  deliveredAt: null,
  createdAt: '2026-12-07T09:00:00.000Z',
  lastStatusCode: 500,
  lastError: 'The receiver answered 500',
  body: '{}',
  attempts: [
    { at: '2026-12-07T09:00:01.000Z', statusCode: 500, durationMs: 12, error: 'The receiver answered 500' },
    {
      at: '2026-12-07T09:00:31.000Z',
      statusCode: null,
      durationMs: 10000,
      error: 'No answer within 10000 ms',
    },
  ],
};

describe('WebhooksPage', () => {
  it('creates a webhook from labelled event checkboxes and shows its secret once', async () => {
    const api = stubApi({
      'GET /webhook-subscriptions': () => ({ subscriptions: [] }),
      'POST /webhook-subscriptions': ({ body }) => ({
        ...subscription,
        ...(body as object),
        id: '0190b3c4-0000-7000-8000-000000000002',
        secret: 'whsec_shown-once',
      }),
    });
    render(<WebhooksPage />);
    await settle();
    expect(screen.getByText('No webhooks yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add a webhook' }));
    const create = screen.getByRole('button', { name: 'Create webhook' }) as HTMLButtonElement;
    expect(create.disabled).toBe(true);
    expect(screen.getByText('Choose at least one event')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('URL that receives the events'), {
      target: { value: 'https://erp.example.org/hooks' },
    });
    // People read what happened, not type names.
    expect(screen.queryByText('message.delivered')).toBeNull();
    fireEvent.click(screen.getByLabelText('A message was delivered'));
    fireEvent.click(screen.getByLabelText('A call ended'));
    fireEvent.click(screen.getByLabelText('A campaign finished'));
    fireEvent.click(screen.getByLabelText('A call ended'));
    fireEvent.click(create);
    await settle();
    expect(api.callsTo('POST /webhook-subscriptions')[0]!.body).toEqual({
      url: 'https://erp.example.org/hooks',
      events: ['message.delivered', 'campaign.finished'],
    });
    const secret = screen.getByRole('region', { name: 'Signing secret' });
    expect(within(secret).getByText('whsec_shown-once')).toBeTruthy();
    expect(screen.getByText('https://erp.example.org/hooks')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'I have kept it' }));
    expect(screen.queryByText('whsec_shown-once')).toBeNull();
  });

  it('shows the server’s refusal of a private URL and keeps the form', async () => {
    stubApi({
      'GET /webhook-subscriptions': () => ({ subscriptions: [] }),
      'POST /webhook-subscriptions': () =>
        apiError(422, 'WEBHOOK_URL_REFUSED', '10.0.0.1 is a private or loopback address (10.0.0.1)'),
    });
    render(<WebhooksPage />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Add a webhook' }));
    fireEvent.change(screen.getByLabelText('URL that receives the events'), {
      target: { value: 'http://10.0.0.1/x' },
    });
    fireEvent.click(screen.getByLabelText('A run failed'));
    fireEvent.click(screen.getByRole('button', { name: 'Create webhook' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('private or loopback');
    expect(screen.getByRole('button', { name: 'Create webhook' })).toBeTruthy();
  });

  it('pauses, shows the delivery log with each attempt, replays one and deletes', async () => {
    const api = stubApi({
      'GET /webhook-subscriptions': () => ({ subscriptions: [subscription] }),
      [`PATCH /webhook-subscriptions/${subscription.id}`]: ({ body }) => ({
        ...subscription,
        ...(body as object),
      }),
      [`GET /webhook-subscriptions/${subscription.id}/deliveries`]: () => ({ deliveries: [delivery] }),
      [`POST /webhook-subscriptions/${subscription.id}/deliveries/${delivery.id}/replay`]: () => ({
        id: delivery.id,
        eventId: delivery.eventId,
      }),
      [`DELETE /webhook-subscriptions/${subscription.id}`]: () => new Response(null, { status: 204 }),
    });
    render(<WebhooksPage />);
    await settle();
    expect(screen.getByText('Active')).toBeTruthy();
    expect(screen.getByText('A message was delivered · A run failed')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    await settle();
    expect(api.callsTo(`PATCH /webhook-subscriptions/${subscription.id}`)[0]!.body).toEqual({
      active: false,
    });
    expect(screen.getByText('Paused')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Delivery log' }));
    await settle();
    const row = screen.getByRole('row', { name: /A message was delivered/ });
    expect(within(row).getByText('Waiting')).toBeTruthy();
    expect(within(row).getByText('Answered 500 in 12 ms')).toBeTruthy();
    expect(within(row).getByText('No answer after 10000 ms: No answer within 10000 ms')).toBeTruthy();
    expect(within(row).getByText(/^Next try /)).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Send again' }));
    await settle();
    expect(
      api.callsTo(`POST /webhook-subscriptions/${subscription.id}/deliveries/${delivery.id}/replay`),
    ).toHaveLength(1);
    expect(screen.getByText('It will be sent again in a moment.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog');
    expect(
      within(dialog).getByText(/Delete the webhook to https:\/\/crm\.example\.org\/omniflow\?/),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await settle();
    expect(api.callsTo(`DELETE /webhook-subscriptions/${subscription.id}`)).toHaveLength(1);
    expect(screen.getByText('No webhooks yet.')).toBeTruthy();
  });

  it('speaks Spanish', async () => {
    useLocale.setState({ locale: 'es' });
    stubApi({ 'GET /webhook-subscriptions': () => ({ subscriptions: [subscription] }) });
    render(<WebhooksPage />);
    await settle();
    expect(screen.getByText('Se entregó un mensaje · Falló una ejecución')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Pausar' })).toBeTruthy();
  });
});
