// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LanguageSwitch } from './language-switch.tsx';

describe('LanguageSwitch', () => {
  it('switches the UI language and remembers it', () => {
    render(<LanguageSwitch />);
    const select = screen.getByRole('combobox');
    fireEvent.change(select, { target: { value: 'es' } });
    expect(screen.getByRole('combobox', { name: 'Idioma' })).toBeTruthy();
    expect(localStorage.getItem('omniflow.locale')).toBe('es');
    expect(document.documentElement.lang).toBe('es');
  });
});
