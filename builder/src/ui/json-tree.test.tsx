// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonTree } from './json-tree.tsx';

afterEach(cleanup);

const payload = { order: { id: 'A-17', lines: [{ sku: 'X', qty: 2 }] }, paid: true, note: null };

describe('JsonTree', () => {
  it('starts closed, showing how much it holds, and opens level by level', () => {
    render(<JsonTree label="Output" value={payload} />);
    const root = screen.getByRole('button', { name: /Output/ });
    expect(root.getAttribute('aria-expanded')).toBe('false');
    expect(root.textContent).toContain('{…} 3');
    expect(screen.queryByText('paid:')).toBeNull();

    fireEvent.click(root);
    expect(screen.getByText('paid:').nextSibling?.textContent).toBe('true');
    expect(screen.getByText('note:').nextSibling?.textContent).toBe('null');
    // The keys right under the root start open: two levels are readable at once.
    expect(screen.getByRole('button', { name: /order/ }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('"A-17"')).toBeTruthy();
    const lines = screen.getByRole('button', { name: /lines/ });
    expect(lines.getAttribute('aria-expanded')).toBe('false');
    expect(lines.textContent).toContain('[…] 1');
    fireEvent.click(lines);
    const first = screen.getByRole('button', { name: /^0/ });
    expect(first.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('"X"')).toBeNull();
    fireEvent.click(first);
    expect(screen.getByText('"X"')).toBeTruthy();
    fireEvent.click(root);
    expect(screen.queryByText('paid:')).toBeNull();
  });

  it('shows a plain value in one line', () => {
    render(<JsonTree label="Input" value="hola" />);
    expect(screen.getByRole('list', { name: 'Input' }).textContent).toBe('Input: "hola"');
  });
});
