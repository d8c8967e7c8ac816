// @vitest-environment happy-dom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FlowNodeDoc } from '../../api/types.ts';
import { apiError, stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { NodeExtras } from './node-extras.tsx';

useComponentTestHooks();

const flowId = '0190b3c4-0000-7000-8000-0000000000f1';
const hookNode = (auth: string): FlowNodeDoc => ({
  id: 'hook',
  type: 'http.webhook',
  version: 1,
  config: { path: 'orders/new', method: 'POST', auth },
  position: { x: 0, y: 0 },
});
const hook = (auth: string, secretMadeAt: string | null = null) => ({
  path: 'orders/new',
  method: 'POST',
  auth,
  productionUrl: 'https://omniflow.example.org/hooks/w1/orders/new',
  testUrl: 'https://omniflow.example.org/hooks-test/w1/orders/new',
  secretMadeAt,
});
const wait = () => act(() => vi.advanceTimersByTimeAsync(400));

describe('webhook trigger addresses in the inspector', () => {
  it('shows the test and production URLs with copy buttons, in both languages', async () => {
    const api = stubApi({ [`GET /flows/${flowId}/hook`]: () => hook('none') });
    render(<NodeExtras flowId={flowId} node={hookNode('none')} readOnly={false} />);
    await wait();
    const group = screen.getByRole('group', { name: 'Addresses to call' });
    expect(within(group).getByText(hook('none').testUrl)).toBeTruthy();
    expect(within(group).getByText(hook('none').productionUrl)).toBeTruthy();
    expect(within(group).getByRole('button', { name: 'Copy the test URL' })).toBeTruthy();
    expect(within(group).getByRole('button', { name: 'Copy the production URL' })).toBeTruthy();
    // No HMAC: no secret to make.
    expect(screen.queryByRole('button', { name: 'Make a new signing secret' })).toBeNull();
    act(() => useLocale.getState().setLocale('es'));
    expect(screen.getByRole('button', { name: 'Copiar la URL de prueba' })).toBeTruthy();
    expect(api.callsTo(`GET /flows/${flowId}/hook`)).toHaveLength(1);
  });

  it('makes a first HMAC secret and shows it once', async () => {
    const api = stubApi({
      [`GET /flows/${flowId}/hook`]: () => hook('hmac'),
      [`POST /flows/${flowId}/hook/secret`]: () =>
        new Response(JSON.stringify({ secret: 'whsec_once', updatedAt: '2026-12-07T10:00:00.000Z' }), {
          status: 201,
        }),
    });
    render(<NodeExtras flowId={flowId} node={hookNode('hmac')} readOnly={false} />);
    await wait();
    expect(screen.getByText(/No signing secret yet/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Make a new signing secret' }));
    await wait();
    expect(screen.getByTestId('hook-secret').textContent).toBe('whsec_once');
    expect(screen.getByRole('button', { name: 'Copy the signing secret' })).toBeTruthy();
    expect(api.callsTo(`POST /flows/${flowId}/hook/secret`)).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'I have kept it' }));
    expect(screen.queryByTestId('hook-secret')).toBeNull();
    expect(screen.getByText(/Signing secret made/)).toBeTruthy();
  });

  it('asks before replacing a secret, and hides the button when read-only', async () => {
    stubApi({
      [`GET /flows/${flowId}/hook`]: () => hook('hmac', '2026-12-01T10:00:00.000Z'),
      [`POST /flows/${flowId}/hook/secret`]: () =>
        new Response(JSON.stringify({ secret: 'whsec_two', updatedAt: '2026-12-07T10:00:00.000Z' }), {
          status: 201,
        }),
    });
    const view = render(<NodeExtras flowId={flowId} node={hookNode('hmac')} readOnly={false} />);
    await wait();
    fireEvent.click(screen.getByRole('button', { name: 'Make a new signing secret' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(/current secret stops working/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Make a new signing secret' }));
    await wait();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByTestId('hook-secret').textContent).toBe('whsec_two');
    view.unmount();
    render(<NodeExtras flowId={flowId} node={hookNode('hmac')} readOnly />);
    await wait();
    expect(screen.queryByRole('button', { name: 'Make a new signing secret' })).toBeNull();
  });

  it('says why when the addresses cannot be read, and shows nothing for other node types', async () => {
    stubApi({
      [`GET /flows/${flowId}/hook`]: () => apiError(404, 'NOT_FOUND', 'This flow has no webhook trigger'),
    });
    const view = render(<NodeExtras flowId={flowId} node={hookNode('none')} readOnly={false} />);
    await wait();
    expect(screen.getByRole('alert').textContent).toBe(
      'Could not load the addresses: This flow has no webhook trigger',
    );
    view.unmount();
    const other = render(
      <NodeExtras flowId={flowId} node={{ ...hookNode('none'), type: 'http.request' }} readOnly={false} />,
    );
    expect(other.container.textContent).toBe('');
  });
});
