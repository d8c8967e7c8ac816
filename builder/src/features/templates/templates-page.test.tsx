// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubApi } from '../../api/test-api.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { TemplatesPage } from './templates-page.tsx';

useComponentTestHooks();

const reminder = {
  id: '0190b3c4-0000-7000-8000-000000000001',
  name: 'reminder',
  kind: 'text',
  description: '',
  variants: { en: { body: 'See you tomorrow' } },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const preview = () => ({ text: 'See you', sms: { encoding: 'gsm7', units: 7, segments: 1 }, problems: [] });
/** An API error with details, as the templates routes send them. */
const refusal = (status: number, code: string, details: unknown) =>
  new Response(JSON.stringify({ error: { code, message: code, details } }), { status });
const flows = [{ flowId: 'f1', flowName: 'Appointments', version: 3, nodeIds: ['n1'] }];

describe('TemplatesPage', () => {
  it('asks before changing a template published flows use, then saves with confirm', async () => {
    const api = stubApi({
      'GET /templates': () => ({ items: [reminder] }),
      'POST /templates/preview': preview,
      'GET /templates/preview-contacts': () => ({ items: [] }),
      [`PUT /templates/${reminder.id}`]: ({ url, body }) =>
        url.searchParams.get('confirm') === 'true'
          ? { ...reminder, ...(body as object) }
          : refusal(409, 'TEMPLATE_IN_USE', { flows }),
    });
    render(<TemplatesPage />);
    await settle();
    fireEvent.change(screen.getByRole('textbox', { name: 'Text' }), { target: { value: 'See you at 10' } });
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('«Appointments»');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save anyway' }));
    await settle();
    const puts = api.callsTo(`PUT /templates/${reminder.id}`);
    expect(puts.map((c) => c.path.includes('confirm=true'))).toEqual([false, true]);
    expect(puts[1]!.body).toMatchObject({ variants: { en: { body: 'See you at 10' } } });
    expect(screen.getByText('Saved')).toBeTruthy();
  });

  it('lists the problems of a refused save with their language and line', async () => {
    stubApi({
      'GET /templates': () => ({ items: [reminder] }),
      'POST /templates/preview': preview,
      'GET /templates/preview-contacts': () => ({ items: [] }),
      [`PUT /templates/${reminder.id}`]: () =>
        refusal(422, 'TEMPLATE_INVALID', {
          problems: [
            {
              language: 'en',
              field: 'body',
              code: 'LIQUID_INVALID',
              message: 'tag {% if %} not closed',
              line: 2,
            },
          ],
        }),
    });
    render(<TemplatesPage />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(screen.getByTestId('template-problems').textContent).toBe(
      'English body, line 2: tag {% if %} not closed',
    );
  });

  it('asks before leaving a template with unsaved changes', async () => {
    const other = { ...reminder, id: '0190b3c4-0000-7000-8000-000000000002', name: 'other' };
    stubApi({
      'GET /templates': () => ({ items: [reminder, other] }),
      'POST /templates/preview': preview,
      'GET /templates/preview-contacts': () => ({ items: [] }),
    });
    render(<TemplatesPage />);
    await settle();
    fireEvent.change(screen.getByRole('textbox', { name: 'Text' }), { target: { value: 'Changed' } });
    fireEvent.click(screen.getByRole('button', { name: /^other/ }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Back' }));
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('reminder');
    fireEvent.click(screen.getByRole('button', { name: /^other/ }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Discard changes' }));
    await settle();
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('other');
  });
});
