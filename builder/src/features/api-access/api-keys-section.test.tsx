// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../../api/types.ts';
import { apiError, stubApi } from '../../api/test-api.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { ApiKeysSection } from './api-keys-section.tsx';

useComponentTestHooks();

const used: ApiKey = {
  id: 'k1',
  name: 'CRM sync',
  prefix: 'of_key_AbCdEf1',
  role: 'designer',
  scopes: ['read', 'messages:send'],
  createdBy: 'u1',
  createdAt: '2026-01-02T03:04:05.000Z',
  expiresAt: '2099-01-01T00:00:00.000Z',
  lastUsedAt: '2026-02-03T04:05:06.000Z',
  lastUsedIp: '203.0.113.7',
};

describe('ApiKeysSection', () => {
  it('lists what each key may do, when and from where it was last used, and when it expires', async () => {
    stubApi({
      'GET /api-keys': () => ({
        items: [
          used,
          {
            ...used,
            id: 'k2',
            name: 'Old script',
            scopes: null,
            lastUsedAt: null,
            lastUsedIp: null,
            expiresAt: null,
          },
        ],
      }),
    });
    render(<ApiKeysSection />);
    await settle();
    const [crm, old] = within(screen.getByRole('list', { name: 'API keys' })).getAllByRole('listitem');
    expect(crm!.textContent).toContain('Read, Send messages');
    expect(crm!.textContent).toContain('203.0.113.7');
    expect(crm!.textContent).toMatch(/Expires/);
    expect(old!.textContent).toContain('Everything its role allows');
    expect(old!.textContent).toContain('Never used');
    expect(old!.textContent).toContain('No expiry');
  });

  it('makes a key with the scopes and last day chosen, and shows it once', async () => {
    const api = stubApi({
      'GET /api-keys': () => ({ items: [] }),
      'POST /api-keys': () => ({ ...used, key: 'of_key_secret' }),
    });
    render(<ApiKeysSection />);
    await settle();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: ' CRM sync ' } });
    fireEvent.click(screen.getByLabelText('Send messages'));
    fireEvent.change(screen.getByLabelText('Stops working on'), { target: { value: '2099-01-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    await settle();
    const sent = api.callsTo('POST /api-keys')[0]!.body as {
      name: string;
      scopes: string[];
      expiresAt: string;
    };
    expect(sent.name).toBe('CRM sync');
    expect(sent.scopes).toEqual(['read', 'messages:send']);
    expect(new Date(sent.expiresAt).getFullYear()).toBe(2099);
    expect(screen.getByRole('status').textContent).toContain('of_key_secret');
    expect(screen.getByText('Copy this key now: it will not be shown again.')).toBeTruthy();
  });

  it('asks for a scope when none is ticked, and shows why the API refused a key', async () => {
    const api = stubApi({
      'GET /api-keys': () => ({ items: [] }),
      'POST /api-keys': () =>
        apiError(400, 'EXPIRY_IN_PAST', 'The expiry has already passed; choose a later date'),
    });
    render(<ApiKeysSection />);
    await settle();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'x' } });
    fireEvent.click(screen.getByLabelText('Read'));
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Choose at least one thing the key may do');
    expect(api.callsTo('POST /api-keys')).toHaveLength(0);
    fireEvent.click(screen.getByLabelText('Run flows'));
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('choose a later date');
  });
});
