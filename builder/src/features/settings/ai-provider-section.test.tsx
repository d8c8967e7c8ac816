// @vitest-environment happy-dom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { AiProviderSection } from './ai-provider-section.tsx';

useComponentTestHooks();

const saved = {
  baseUrl: 'https://llm.example.org/v1',
  model: 'small-1',
  hasApiKey: true,
  updatedAt: '2026-12-07T09:00:00.000Z',
};

describe('AiProviderSection', () => {
  it('starts empty when there is none, refuses a bad address, and saves with the key', async () => {
    const api = stubApi({
      'GET /workspace/ai-provider': () => apiError(404, 'NOT_FOUND', 'This workspace has no AI provider'),
      'PUT /workspace/ai-provider': ({ body }) => ({
        ...(body as object),
        apiKey: undefined,
        hasApiKey: true,
        updatedAt: saved.updatedAt,
      }),
    });
    render(<AiProviderSection />);
    await settle();
    expect(screen.getByText('No AI provider yet.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.change(screen.getByLabelText('Service address'), { target: { value: 'llm.example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(screen.getByText('Write a full address that starts with https:// or http://')).toBeTruthy();
    expect(screen.getByText('Write the model’s name')).toBeTruthy();
    expect(api.callsTo('PUT /workspace/ai-provider')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Service address'), { target: { value: saved.baseUrl } });
    fireEvent.change(screen.getByLabelText('Model'), { target: { value: 'small-1' } });
    fireEvent.change(screen.getByLabelText('API key'), { target: { value: 'sk-secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(api.callsTo('PUT /workspace/ai-provider')[0]!.body).toEqual({
      baseUrl: saved.baseUrl,
      model: 'small-1',
      apiKey: 'sk-secret',
    });
    expect(screen.getByRole('status').textContent).toBe('Saved');
    // The key is never shown back: the field empties and says one is saved.
    expect((screen.getByLabelText('API key') as HTMLInputElement).value).toBe('');
    expect(screen.getByText(/A key is saved: it is never shown/)).toBeTruthy();
  });

  it('keeps the saved key when the field is empty, removes it on request, in Spanish too', async () => {
    const api = stubApi({
      'GET /workspace/ai-provider': () => saved,
      'PUT /workspace/ai-provider': ({ body }) => ({ ...saved, ...(body as object), hasApiKey: false }),
    });
    render(<AiProviderSection />);
    await settle();
    expect((screen.getByLabelText('Model') as HTMLInputElement).value).toBe('small-1');
    fireEvent.change(screen.getByLabelText('Model'), { target: { value: 'small-2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(api.callsTo('PUT /workspace/ai-provider')[0]!.body).toEqual({
      baseUrl: saved.baseUrl,
      model: 'small-2',
    });
    act(() => useLocale.getState().setLocale('es'));
    expect(screen.getByRole('heading', { name: 'Proveedor de IA' })).toBeTruthy();
  });

  it('sends null to remove the saved key and shows the server’s refusal', async () => {
    const api = stubApi({
      'GET /workspace/ai-provider': () => saved,
      'PUT /workspace/ai-provider': () =>
        apiError(400, 'VALIDATION_FAILED', 'La dirección del servicio no es una URL válida'),
    });
    render(<AiProviderSection />);
    await settle();
    fireEvent.click(screen.getByLabelText('Remove the saved key'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(api.callsTo('PUT /workspace/ai-provider')[0]!.body).toEqual({
      baseUrl: saved.baseUrl,
      model: 'small-1',
      apiKey: null,
    });
    expect(screen.getByRole('alert').textContent).toContain('La dirección del servicio no es una URL válida');
  });

  it('removes the provider after asking', async () => {
    const api = stubApi({
      'GET /workspace/ai-provider': () => saved,
      'DELETE /workspace/ai-provider': () => new Response(null, { status: 204 }),
    });
    render(<AiProviderSection />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Remove the AI provider' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove the AI provider' }));
    await settle();
    expect(api.callsTo('DELETE /workspace/ai-provider')).toHaveLength(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('No AI provider yet.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Removed');
  });

  it('says why when the provider cannot be read', async () => {
    stubApi({ 'GET /workspace/ai-provider': () => apiError(500, 'INTERNAL', 'Database unavailable') });
    render(<AiProviderSection />);
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('Database unavailable');
    expect(screen.queryByLabelText('Model')).toBeNull();
  });
});
