// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useLocale } from '../../i18n/use-i18n.ts';
import { TemplateInput } from './template-input.tsx';

const variables = ['input', 'input.amount', 'vars.total', 'vars.customerId', 'nodes.call.output.status'];

function Harness({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <label htmlFor="tpl">Message</label>
      <TemplateInput id="tpl" value={value} onChange={setValue} variables={variables} />
      <output data-testid="value">{value}</output>
    </>
  );
}

function setup(initial?: string) {
  const user = userEvent.setup();
  render(<Harness initial={initial} />);
  const input = screen.getByRole('combobox', { name: 'Message' }) as HTMLInputElement;
  return { user, input, value: () => screen.getByTestId('value').textContent };
}

const options = () =>
  within(screen.getByRole('listbox', { name: 'Variables' }))
    .getAllByRole('option')
    .map((o) => o.textContent);

beforeEach(() => useLocale.getState().setLocale('en'));
afterEach(cleanup);

describe('TemplateInput', () => {
  it('stays closed until a {{ is typed', async () => {
    const { user, input } = setup();
    await user.type(input, 'Hello ');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('listbox')).toBeNull();
    await user.type(input, '{{{{');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(options()).toEqual(variables);
  });

  it('filters as you type, names starting with the text first', async () => {
    const { user, input } = setup();
    await user.type(input, '{{{{ inp');
    expect(options()).toEqual(['input', 'input.amount']);
    await user.type(input, 'ut.am');
    expect(options()).toEqual(['input.amount']);
  });

  it('moves through the options with the arrow keys and inserts with Enter', async () => {
    const { user, input, value } = setup();
    await user.type(input, 'Total: {{{{ vars');
    expect(options()).toEqual(['vars.total', 'vars.customerId']);
    const active = () =>
      document.getElementById(input.getAttribute('aria-activedescendant') ?? '')?.textContent;
    expect(active()).toBe('vars.total');
    await user.keyboard('{ArrowDown}');
    expect(active()).toBe('vars.customerId');
    expect(screen.getByRole('option', { name: 'vars.customerId' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await user.keyboard('{ArrowDown}');
    expect(active()).toBe('vars.total');
    await user.keyboard('{ArrowUp}{Enter}');
    expect(value()).toBe('Total: {{ vars.customerId }}');
    expect(input.selectionStart).toBe('Total: {{ vars.customerId }}'.length);
    expect(screen.queryByRole('listbox')).toBeNull();
    await user.type(input, '!');
    expect(value()).toBe('Total: {{ vars.customerId }}!');
  });

  it('closes with Escape without changing the text', async () => {
    const { user, input, value } = setup();
    await user.type(input, '{{{{ in');
    await user.keyboard('{Escape}');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(value()).toBe('{{ in');
  });

  it('inserts inside an existing tag without doubling its closing braces', async () => {
    const { user, input, value } = setup('Hi {{ }}, bye');
    input.focus();
    input.setSelectionRange(6, 6);
    await user.keyboard('n');
    expect(options()).toEqual(['nodes.call.output.status', 'input', 'input.amount']);
    await user.keyboard('{Enter}');
    expect(value()).toBe('Hi {{ nodes.call.output.status }}, bye');
  });

  it('inserts an option clicked with the mouse', async () => {
    const { user, input, value } = setup();
    await user.type(input, '{{{{');
    await user.click(screen.getByRole('option', { name: 'input.amount' }));
    expect(value()).toBe('{{ input.amount }}');
    expect(document.activeElement).toBe(input);
  });

  it('does not offer names after a filter pipe', async () => {
    const { user, input } = setup();
    await user.type(input, '{{{{ input.amount | ');
    expect(screen.queryByRole('listbox')).toBeNull();
  });
});
