// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { WebChatEmbedSection } from './webchat-embed-section.tsx';

const settle = () => act(() => vi.advanceTimersByTimeAsync(0));
const embedCode =
  '<script src="https://flows.example.com/webchat.js" data-key="w1" data-color="#0b5cad" data-title="Chat" data-greeting="" data-lang="es" async></script>';

beforeEach(() => {
  vi.useFakeTimers();
  useLocale.getState().setLocale('en');
  stubApi({ 'GET /workspace/webchat-embed': () => ({ key: 'w1', embedCode }) });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('WebChatEmbedSection', () => {
  it('shows the server’s tag and rewrites it live as colour, title, greeting and language change', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    render(<WebChatEmbedSection />);
    await settle();
    const code = () => screen.getByTestId('embed-code').textContent;
    expect(screen.getByRole('figure', { name: 'Embed code' })).toBeTruthy();
    expect(code()).toBe(embedCode);
    expect((screen.getByLabelText('Colour') as HTMLInputElement).value).toBe('#0b5cad');
    expect((screen.getByLabelText('Panel title') as HTMLInputElement).value).toBe('Chat');

    fireEvent.change(screen.getByLabelText('Colour'), { target: { value: '#7b2cbf' } });
    fireEvent.change(screen.getByLabelText('Panel title'), { target: { value: 'Ayuda "Tienda"' } });
    fireEvent.change(screen.getByLabelText('Greeting'), { target: { value: '¡Hola! ¿En qué te ayudo?' } });
    fireEvent.change(screen.getByLabelText('Widget language'), { target: { value: 'en' } });
    expect(code()).toBe(
      '<script src="https://flows.example.com/webchat.js" data-key="w1" data-color="#7b2cbf" data-title="Ayuda &quot;Tienda&quot;" data-greeting="¡Hola! ¿En qué te ayudo?" data-lang="en" async></script>',
    );

    // The visitor's browser language: the attribute goes, the widget decides.
    fireEvent.change(screen.getByLabelText('Widget language'), { target: { value: '' } });
    expect(code()).not.toContain('data-lang');

    fireEvent.click(screen.getByRole('button', { name: 'Copy the embed code' }));
    await settle();
    expect(writeText).toHaveBeenCalledWith(code());
  });

  it('says so when the clipboard is not there (plain http)', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('Not allowed'));
    render(<WebChatEmbedSection />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Copy the embed code' }));
    await settle();
    expect(screen.getByText('Could not copy: select the text and copy it by hand')).toBeTruthy();
  });
});
