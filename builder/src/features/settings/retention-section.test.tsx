// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { RetentionSection } from './retention-section.tsx';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';

useComponentTestHooks();

describe('RetentionSection', () => {
  it('shows the retention, refuses days out of 1–3650, and saves a valid one', async () => {
    const api = stubApi({
      'GET /workspace/settings': () => ({ runRetentionDays: 30 }),
      'PUT /workspace/settings': ({ body }) => body,
    });
    render(<RetentionSection />);
    await settle();
    const days = screen.getByLabelText('Keep run details for (days)');
    const save = screen.getByRole('button', { name: 'Save' });
    expect((days as HTMLInputElement).value).toBe('30');
    expect(screen.getByRole('status').textContent).toBe('Saved');
    expect(save.hasAttribute('disabled')).toBe(true);

    for (const bad of ['0', '3651', '2.5', '']) {
      fireEvent.change(days, { target: { value: bad } });
      expect(days.getAttribute('aria-invalid'), bad).toBe('true');
      expect(save.hasAttribute('disabled')).toBe(true);
      expect(screen.getByText('Enter a whole number of days from 1 to 3650')).toBeTruthy();
    }

    fireEvent.change(days, { target: { value: '90' } });
    expect(screen.getByRole('status').textContent).toBe('Not saved yet');
    fireEvent.click(save);
    await settle();
    expect(api.callsTo('PUT /workspace/settings')[0]!.body).toEqual({ runRetentionDays: 90 });
    expect(screen.getByRole('status').textContent).toBe('Saved');
  });

  it('shows the server’s refusal and keeps the change unsaved', async () => {
    stubApi({
      'GET /workspace/settings': () => ({ runRetentionDays: 30 }),
      'PUT /workspace/settings': () => apiError(403, 'FORBIDDEN', 'Only admins can change settings'),
    });
    render(<RetentionSection />);
    await settle();
    fireEvent.change(screen.getByLabelText('Keep run details for (days)'), { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('Only admins can change settings');
    expect(screen.getByRole('status').textContent).toBe('Not saved yet');
  });
});
