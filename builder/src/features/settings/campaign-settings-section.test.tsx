// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { CampaignSettingsSection } from './campaign-settings-section.tsx';
import { localTimeIn, matchesZone } from './time-zone-picker.tsx';

useComponentTestHooks();

const stored = {
  timezone: 'America/Lima',
  quietHours: { from: '21:00', to: '08:00' },
  frequencyCap: { messages: 2, days: 7 },
};

describe('CampaignSettingsSection', () => {
  it('shows the stored settings with the zone’s local time and the cap in words', async () => {
    vi.setSystemTime(new Date('2026-12-07T15:30:00Z'));
    stubApi({
      'GET /workspace/default-country': () => ({ country: 'PE' }),
      'GET /workspace/campaign-settings': () => stored,
    });
    render(<CampaignSettingsSection />);
    await settle();
    const section = screen.getByRole('region', { name: 'Campaigns and contacts' });
    expect(
      (within(section).getByLabelText('Default country of phone numbers') as HTMLSelectElement).value,
    ).toBe('PE');
    expect((screen.getByRole('listbox', { name: 'Time zone' }) as HTMLSelectElement).value).toBe(
      'America/Lima',
    );
    // Lima is UTC−5 all year.
    expect(screen.getByText('Local time there now: 10:30')).toBeTruthy();
    // Searching for the chosen zone finds it (once), and other searches keep it listed.
    const search = screen.getByLabelText('Search time zones');
    const listed = () =>
      within(screen.getByRole('listbox', { name: 'Time zone' }))
        .getAllByRole('option')
        .map((o) => o.textContent);
    fireEvent.change(search, { target: { value: 'lima' } });
    expect(listed()).toEqual(['America/Lima · 10:30']);
    expect(screen.getByText('Local time there now: 10:30')).toBeTruthy();
    fireEvent.change(search, { target: { value: 'madrid' } });
    expect(listed()).toEqual(['America/Lima · 10:30', 'Europe/Madrid · 16:30']);
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('21:00');
    expect((screen.getByLabelText('Until') as HTMLInputElement).value).toBe('08:00');
    expect((screen.getByLabelText('Messages') as HTMLInputElement).value).toBe('2');
    expect((screen.getByLabelText('Days') as HTMLInputElement).value).toBe('7');
    expect(screen.getByTestId('cap-summary').textContent).toBe(
      'Nobody gets more than 2 marketing messages in any 7 days, across campaigns and channels.',
    );
    fireEvent.change(screen.getByLabelText('Messages'), { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText('Days'), { target: { value: '1' } });
    expect(screen.getByTestId('cap-summary').textContent).toBe(
      'Nobody gets more than 1 marketing message in any 1 day, across campaigns and channels.',
    );

    useLocale.getState().setLocale('es');
    await settle();
    expect(screen.getByRole('region', { name: 'Campañas y contactos' })).toBeTruthy();
    expect(screen.getByText('Hora local allí ahora: 10:30')).toBeTruthy();
    expect(screen.getByTestId('cap-summary').textContent).toBe(
      'Nadie recibe más de 1 mensaje de marketing en 1 día, sumando campañas y canales.',
    );
  });

  it('finds zones by any word of their name and shows each one’s clock', async () => {
    stubApi({
      'GET /workspace/default-country': () => ({ country: null }),
      'GET /workspace/campaign-settings': () => ({ timezone: null, quietHours: null, frequencyCap: null }),
    });
    vi.setSystemTime(new Date('2026-07-01T10:00:00Z'));
    render(<CampaignSettingsSection />);
    await settle();
    expect(screen.getByText('No zone chosen: UTC is used')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Search time zones'), { target: { value: 'madrid' } });
    const options = within(screen.getByRole('listbox', { name: 'Time zone' })).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Europe/Madrid · 12:00']);
    fireEvent.change(screen.getByLabelText('Search time zones'), { target: { value: 'atlantis' } });
    expect(screen.getByText('No time zone matches “atlantis”')).toBeTruthy();
    expect(matchesZone('America/New_York', 'new york')).toBe(true);
    expect(matchesZone('America/New_York', 'america/new_york')).toBe(true);
    expect(matchesZone('America/New_York', 'lima')).toBe(false);
    expect(localTimeIn('Asia/Kolkata', new Date('2026-07-01T10:00:00Z'), 'en')).toBe('15:30');
  });

  it('refuses equal quiet hours and a cap out of range before saving', async () => {
    stubApi({
      'GET /workspace/default-country': () => ({ country: 'PE' }),
      'GET /workspace/campaign-settings': () => stored,
    });
    render(<CampaignSettingsSection />);
    await settle();
    const save = screen.getByRole('button', { name: 'Save' });
    fireEvent.change(screen.getByLabelText('Until'), { target: { value: '21:00' } });
    expect(screen.getByText('The start and the end must differ')).toBeTruthy();
    expect(save.hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByLabelText('Until'), { target: { value: '07:00' } });
    expect(save.hasAttribute('disabled')).toBe(false);
    for (const [field, bad] of [
      ['Messages', '0'],
      ['Messages', '1001'],
      ['Days', '366'],
      ['Days', '1.5'],
    ] as const) {
      const input = screen.getByLabelText(field);
      const before = (input as HTMLInputElement).value;
      fireEvent.change(input, { target: { value: bad } });
      expect(screen.getByText('From 1 to 1000 messages every 1 to 365 days'), `${field} ${bad}`).toBeTruthy();
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(save.hasAttribute('disabled')).toBe(true);
      fireEvent.change(input, { target: { value: before } });
    }
  });

  it('saves the country and the campaign settings, and turns parts off', async () => {
    const api = stubApi({
      'GET /workspace/default-country': () => ({ country: 'PE' }),
      'GET /workspace/campaign-settings': () => stored,
      'PUT /workspace/default-country': ({ body }) => body,
      'PUT /workspace/campaign-settings': ({ body }) => body,
    });
    render(<CampaignSettingsSection />);
    await settle();
    fireEvent.change(screen.getByLabelText('Default country of phone numbers'), { target: { value: 'ES' } });
    fireEvent.change(screen.getByLabelText('Search time zones'), { target: { value: 'madrid' } });
    fireEvent.change(screen.getByRole('listbox', { name: 'Time zone' }), {
      target: { value: 'Europe/Madrid' },
    });
    fireEvent.click(screen.getByLabelText('Send nothing at night'));
    fireEvent.change(screen.getByLabelText('Messages'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('Days'), { target: { value: '30' } });
    expect(screen.getByRole('status').textContent).toBe('Not saved yet');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(api.callsTo('PUT /workspace/default-country')[0]!.body).toEqual({ country: 'ES' });
    expect(api.callsTo('PUT /workspace/campaign-settings')[0]!.body).toEqual({
      timezone: 'Europe/Madrid',
      quietHours: null,
      frequencyCap: { messages: 3, days: 30 },
    });
    expect(screen.getByRole('status').textContent).toBe('Saved');
    expect(screen.getByLabelText('From').hasAttribute('disabled')).toBe(true);
  });

  it('shows the server’s refusal, marks the field it names and stays unsaved', async () => {
    stubApi({
      'GET /workspace/default-country': () => ({ country: 'PE' }),
      'GET /workspace/campaign-settings': () => stored,
      'PUT /workspace/default-country': ({ body }) => body,
      'PUT /workspace/campaign-settings': () =>
        new Response(
          JSON.stringify({
            error: {
              code: 'CAMPAIGN_SETTINGS_INVALID',
              message: 'quietHours: from and to must differ',
              details: { field: 'quietHours' },
            },
          }),
          { status: 422 },
        ),
    });
    render(<CampaignSettingsSection />);
    await settle();
    fireEvent.change(screen.getByLabelText('Days'), { target: { value: '14' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('quietHours: from and to must differ');
    expect(screen.getByLabelText('From').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('Not saved yet');
  });

  it('tells a person who may not read the settings why', async () => {
    stubApi({
      'GET /workspace/default-country': () => ({ country: null }),
      'GET /workspace/campaign-settings': () => apiError(401, 'UNAUTHENTICATED', 'Sign in again'),
    });
    render(<CampaignSettingsSection />);
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('Sign in again');
  });
});
