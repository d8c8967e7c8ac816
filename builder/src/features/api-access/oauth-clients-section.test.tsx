// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { OAuthClientsSection } from './oauth-clients-section.tsx';

useComponentTestHooks();

describe('OAuthClientsSection', () => {
  it('makes a client and shows its ID and secret once', async () => {
    const api = stubApi({
      'GET /oauth-clients': () => ({ items: [] }),
      'POST /oauth-clients': () => ({
        id: 'c1',
        name: 'Portal',
        clientId: 'of_client_123',
        clientSecret: 'of_cs_secret',
        role: 'admin',
        scopes: ['read'],
        createdBy: 'u1',
        createdAt: '2026-01-01T00:00:00.000Z',
        expiresAt: null,
        lastUsedAt: null,
        lastUsedIp: null,
      }),
    });
    render(<OAuthClientsSection />);
    await settle();
    expect(screen.getByText('No OAuth clients yet.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Portal' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create client' }));
    await settle();
    expect(api.callsTo('POST /oauth-clients')[0]!.body).toEqual({ name: 'Portal', scopes: ['read'] });
    const shown = screen.getByRole('status');
    expect(shown.textContent).toContain('of_client_123');
    expect(shown.textContent).toContain('of_cs_secret');
  });

  it('is not offered to someone who is not an admin', async () => {
    stubApi({
      'GET /oauth-clients': () => apiError(403, 'FORBIDDEN', 'Only an admin can see OAuth clients'),
    });
    const { container } = render(<OAuthClientsSection />);
    await settle();
    expect(container.textContent).toBe('');
  });
});
