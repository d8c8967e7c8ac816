// @vitest-environment happy-dom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { TemplatesGallery } from './templates-gallery.tsx';

useComponentTestHooks();

const template = (id: string, title: string, summary: string) => ({
  id,
  title,
  summary,
  channel: 'voice' as const,
  preview: 'data:image/svg+xml;base64,PHN2Zy8+',
  nodeCount: 12,
});

const listIn = ({ url }: { url: URL }) => ({
  items:
    url.searchParams.get('language') === 'es'
      ? [template('ivr-help-desk', 'Mesa de ayuda telefónica (IVR)', 'Un menú por teclado.')]
      : [template('ivr-help-desk', 'Phone help desk (IVR)', 'A keypad menu.')],
});

describe('TemplatesGallery', () => {
  it('shows each template with its picture and line in the current language, and follows a language change', async () => {
    const api = stubApi({ 'GET /flow-templates': listIn });
    render(<TemplatesGallery onCreated={() => {}} onBlank={() => {}} />);
    await settle();
    expect(screen.getByRole('heading', { name: 'Phone help desk (IVR)' })).toBeTruthy();
    expect(screen.getByText('A keypad menu.')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Picture of the flow “Phone help desk (IVR)”' })).toBeTruthy();
    expect(screen.getByText('Phone · 12 steps')).toBeTruthy();

    act(() => useLocale.getState().setLocale('es'));
    await settle();
    expect(screen.getByRole('heading', { name: 'Mesa de ayuda telefónica (IVR)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Empezar en blanco' })).toBeTruthy();
    expect(api.callsTo('GET /flow-templates').map((c) => c.path)).toEqual([
      '/flow-templates?language=en',
      '/flow-templates?language=es',
    ]);
  });

  it('makes one new flow from a template in the current language, even when clicked twice', async () => {
    let finish: (value: unknown) => void = () => {};
    const api = stubApi({
      'GET /flow-templates': listIn,
      'POST /flow-templates/ivr-help-desk/flows': () => new Promise((resolve) => (finish = resolve)),
    });
    const onCreated = vi.fn();
    render(<TemplatesGallery onCreated={onCreated} onBlank={() => {}} />);
    await settle();
    const use = screen.getByRole('button', { name: 'Use the template “Phone help desk (IVR)”' });
    fireEvent.click(use);
    fireEvent.click(use);
    await settle();
    expect(use.textContent).toBe('Creating…');
    finish({ id: 'f-new', name: 'IVR help desk', draft: {} });
    await settle();
    expect(onCreated).toHaveBeenCalledOnce();
    expect(onCreated).toHaveBeenCalledWith('f-new');
    expect(api.callsTo('POST /flow-templates/ivr-help-desk/flows')).toEqual([
      { method: 'POST', path: '/flow-templates/ivr-help-desk/flows', body: { language: 'en' } },
    ]);
  });

  it('says why a template could not be used and lets the person try again', async () => {
    stubApi({
      'GET /flow-templates': listIn,
      'POST /flow-templates/ivr-help-desk/flows': () =>
        apiError(403, 'FORBIDDEN', 'Only a designer or an admin can create flows'),
    });
    const onCreated = vi.fn();
    render(<TemplatesGallery onCreated={onCreated} onBlank={() => {}} />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Use the template “Phone help desk (IVR)”' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe(
      'Could not create the flow: Only a designer or an admin can create flows',
    );
    expect(onCreated).not.toHaveBeenCalled();
    expect(
      screen
        .getByRole('button', { name: 'Use the template “Phone help desk (IVR)”' })
        .hasAttribute('disabled'),
    ).toBe(false);
  });

  it('offers a blank start, and says so when the templates cannot be read', async () => {
    stubApi({ 'GET /flow-templates': () => apiError(500, 'INTERNAL', 'Something went wrong on the server') });
    const onBlank = vi.fn();
    render(<TemplatesGallery onCreated={() => {}} onBlank={onBlank} />);
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('Could not read the templates');
    fireEvent.click(screen.getByRole('button', { name: 'Start from blank' }));
    await settle();
    expect(onBlank).toHaveBeenCalledOnce();
  });
});
