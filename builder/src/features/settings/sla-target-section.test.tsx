// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { SlaTargetSection } from './sla-target-section.tsx';

useComponentTestHooks();

describe('SlaTargetSection', () => {
  it('shows the target, refuses one out of 50–100 in Spanish, and saves a decimal-comma one', async () => {
    useLocale.getState().setLocale('es');
    const api = stubApi({
      'GET /workspace/settings': () => ({ runRetentionDays: 30, slaTargetPercent: 99.8 }),
      'PUT /workspace/settings': ({ body }) => ({ runRetentionDays: 30, ...(body as object) }),
    });
    render(<SlaTargetSection />);
    await settle();
    const field = screen.getByLabelText('Disponibilidad objetivo (%)') as HTMLInputElement;
    const save = screen.getByRole('button', { name: 'Guardar' });
    expect(field.value).toBe('99,8');
    expect(save.hasAttribute('disabled')).toBe(true);

    for (const bad of ['49.9', '100.1', 'mucho', '', '-1']) {
      fireEvent.change(field, { target: { value: bad } });
      expect(field.getAttribute('aria-invalid'), bad).toBe('true');
      expect(save.hasAttribute('disabled')).toBe(true);
      expect(screen.getByText('Escribe un porcentaje de 50 a 100, por ejemplo 99,8')).toBeTruthy();
    }

    fireEvent.change(field, { target: { value: '99,95' } });
    expect(field.getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(save);
    await settle();
    expect(api.callsTo('PUT /workspace/settings')[0]!.body).toEqual({ slaTargetPercent: 99.95 });
    expect(field.value).toBe('99,95');
    expect(screen.getByRole('status').getAttribute('data-state')).toBe('saved');
  });

  it('shows the server’s refusal and keeps the change unsaved', async () => {
    stubApi({
      'GET /workspace/settings': () => ({ runRetentionDays: 30, slaTargetPercent: 99.8 }),
      'PUT /workspace/settings': () => apiError(403, 'FORBIDDEN', 'Only admins can change settings'),
    });
    render(<SlaTargetSection />);
    await settle();
    fireEvent.change(screen.getByLabelText('Target availability (%)'), { target: { value: '95' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('Only admins can change settings');
    expect(screen.getByRole('status').getAttribute('data-state')).toBe('unsaved');
  });
});
