// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DkimKey } from '../../api/types.ts';
import { apiError, stubApi } from '../../api/test-api.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { DkimSection } from './dkim-section.tsx';

useComponentTestHooks();

const key: DkimKey = {
  domain: 'example.org',
  selector: 'of202612',
  publicKey: 'MIIBIjAN',
  dnsRecord: {
    name: 'of202612._domainkey.example.org',
    type: 'TXT',
    value: 'v=DKIM1; k=rsa; p=MIIBIjAN',
    zoneLine: 'of202612._domainkey.example.org. IN TXT ( "v=DKIM1; k=rsa; p=MIIBIjAN" )',
  },
  createdAt: '2030-01-02T03:04:05.000Z',
};

describe('DkimSection', () => {
  it('makes a key for a domain and shows the exact DNS record to publish', async () => {
    const api = stubApi({
      'GET /dkim-keys': ({ call }) => ({ items: call === 0 ? [] : [key] }),
      'PUT /dkim-keys/example.org': () => key,
    });
    render(<DkimSection />);
    await settle();
    expect(screen.getByText('No domain has a signing key yet: mail goes out unsigned.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Sending domain'), { target: { value: ' Example.org ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    await settle();
    expect(api.callsTo('PUT /dkim-keys/example.org')[0]!.body).toEqual({});
    const card = screen.getByRole('article', { name: 'example.org' });
    expect(within(card).getByText('of202612._domainkey.example.org')).toBeTruthy();
    expect(within(card).getByText('v=DKIM1; k=rsa; p=MIIBIjAN')).toBeTruthy();
    expect(screen.getByText('Saved. Publish the DNS record below.')).toBeTruthy();
  });

  it('sends a pasted key and shows why the API refused it', async () => {
    const api = stubApi({
      'GET /dkim-keys': () => ({ items: [] }),
      'PUT /dkim-keys/example.org': () =>
        apiError(422, 'DKIM_KEY_INVALID', 'The private key is not a PEM private key'),
    });
    render(<DkimSection />);
    await settle();
    fireEvent.change(screen.getByLabelText('Sending domain'), { target: { value: 'example.org' } });
    fireEvent.change(screen.getByLabelText('Selector'), { target: { value: 'mail2026' } });
    fireEvent.click(screen.getByLabelText('Use a key I already have'));
    fireEvent.change(screen.getByLabelText('Private key (PEM)'), { target: { value: 'not a key' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save key' }));
    await settle();
    expect(api.callsTo('PUT /dkim-keys/example.org')[0]!.body).toEqual({
      selector: 'mail2026',
      privateKey: 'not a key',
    });
    expect(screen.getByRole('status').textContent).toContain('The private key is not a PEM private key');
  });

  it('shows nothing to someone who is not an admin', async () => {
    stubApi({ 'GET /dkim-keys': () => apiError(403, 'FORBIDDEN', 'Only an admin can see DKIM keys') });
    const { container } = render(<DkimSection />);
    await settle();
    expect(container.textContent).toBe('');
  });
});
