// @vitest-environment happy-dom
import catalogJson from '@omniflow/nodes/catalog.json';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogEntry, FlowDocument } from '../../api/types.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { TemplateInput } from './template-input.tsx';
import { templateVariables } from './template-variables.ts';

// The variable picker as a designer uses it: names, examples, search, keyboard and the insert button.

const catalog = catalogJson as unknown as CatalogEntry[];

const bot: FlowDocument = {
  schemaVersion: 1,
  name: 'Bot',
  description: '',
  nodes: [
    { id: 'in', type: 'message.inbound', version: 1, config: {}, position: { x: 0, y: 0 } },
    {
      id: 'ask1',
      type: 'message.ask',
      version: 1,
      label: 'Pregunta nombre',
      config: { question: '¿Cómo te llamas?' },
      position: { x: 0, y: 0 },
    },
    { id: 'reply', type: 'message.send', version: 1, config: {}, position: { x: 0, y: 0 } },
  ],
  edges: [
    { id: 'e1', from: { node: 'in', port: 'next' }, to: { node: 'ask1' } },
    { id: 'e2', from: { node: 'ask1', port: 'answered' }, to: { node: 'reply' } },
  ],
  variables: [],
};
const variables = templateVariables(bot, 'reply', catalog);

function Harness({ initial = '', disabled = false }: { initial?: string; disabled?: boolean }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <label htmlFor="tpl">Texto</label>
      <TemplateInput id="tpl" value={value} onChange={setValue} variables={variables} disabled={disabled} />
      <output data-testid="value">{value}</output>
    </>
  );
}

function setup(initial?: string) {
  const user = userEvent.setup();
  render(<Harness initial={initial} />);
  const input = screen.getByRole('combobox', { name: 'Texto' }) as HTMLInputElement;
  return { user, input, value: () => screen.getByTestId('value').textContent };
}

const optionNames = () =>
  within(screen.getByRole('listbox'))
    .getAllByRole('option')
    .map((o) => o.getAttribute('aria-label'));

beforeEach(() => useLocale.getState().setLocale('es'));
afterEach(cleanup);

describe('variable picker', () => {
  it('names each field of the earlier nodes in Spanish, with an example', async () => {
    const { user, input } = setup();
    await user.type(input, '{{{{');
    expect(optionNames()).toContain('Respuesta de «Pregunta nombre»');
    expect(optionNames()).not.toContain(null);
    const answer = screen.getByRole('option', { name: 'Respuesta de «Pregunta nombre»' });
    expect(answer.textContent).toContain('p. ej. Ana');
    expect(answer.getAttribute('title')).toBe('nodes.ask1.output.answer');
  });

  it('searches by name without accents and inserts the path at the cursor with the keyboard', async () => {
    const { user, input, value } = setup('Hola , bienvenida');
    input.setSelectionRange(5, 5);
    await user.click(screen.getByRole('button', { name: 'Insertar una variable' }));
    expect(value()).toBe('Hola {{ , bienvenida');
    expect(document.activeElement).toBe(input);
    await user.keyboard('respuesta');
    expect(optionNames()).toEqual(['Respuesta de «Pregunta nombre»']);
    await user.keyboard('{Enter}');
    expect(value()).toBe('Hola {{ nodes.ask1.output.answer }}, bienvenida');
    expect(input.selectionStart).toBe('Hola {{ nodes.ask1.output.answer }}'.length);
  });

  it('finds a field by its path too, and says when nothing matches', async () => {
    const { user, input } = setup();
    await user.type(input, '{{{{ output.ret');
    expect(optionNames()).toEqual(['Veces que se repitió de «Pregunta nombre»']);
    await user.type(input, 'zzz');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.getByText('Ninguna variable coincide con «output.retzzz»').getAttribute('role')).toBe(
      'status',
    );
  });

  it('takes back the {{ the button typed when Escape closes the list unused', async () => {
    const { user, input, value } = setup('Hola');
    input.setSelectionRange(4, 4);
    await user.click(screen.getByRole('button', { name: 'Insertar una variable' }));
    expect(value()).toBe('Hola{{ ');
    await user.keyboard('{Escape}');
    expect(value()).toBe('Hola');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('follows the UI language and offers no button when disabled', async () => {
    useLocale.getState().setLocale('en');
    const { user, input } = setup();
    await user.type(input, '{{{{ answer');
    expect(optionNames()).toEqual(['Answer of «Pregunta nombre»']);
    cleanup();
    render(<Harness disabled />);
    expect(screen.queryByRole('button', { name: 'Insert a variable' })).toBeNull();
  });
});
