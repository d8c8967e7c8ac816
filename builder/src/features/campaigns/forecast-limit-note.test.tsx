// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { ForecastLimitNote } from './forecast-limit-note.tsx';

useComponentTestHooks();

describe('the forecast’s limit note', () => {
  it('names the sending account when its limit sets the pace', () => {
    render(<ForecastLimitNote limitedBy="account" />);
    expect(screen.getByText(/Paced by your sending account’s limit/)).toBeTruthy();
  });

  it('says nothing when the campaign’s own rate, or nothing, sets it', () => {
    const { container } = render(<ForecastLimitNote limitedBy="campaign" />);
    render(<ForecastLimitNote limitedBy={null} />);
    expect(container.textContent).toBe('');
    expect(screen.queryByText(/Paced by/)).toBeNull();
  });
});
