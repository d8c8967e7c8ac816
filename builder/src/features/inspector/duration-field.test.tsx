// @vitest-environment happy-dom
import catalogJson from '@omniflow/nodes/catalog.json';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useLocale } from '../../i18n/use-i18n.ts';
import { NodeForm } from './node-form.tsx';

type Config = Record<string, unknown>;

function schemaOf(type: string): unknown {
  const entry = catalogJson.find((e) => e.type === type);
  if (!entry) throw new Error(`No ${type} in nodes/catalog.json`);
  return entry.configSchema;
}

function renderForm(type: string, initial: Config = {}) {
  const changes: Config[] = [];
  function Harness() {
    const [value, setValue] = useState(initial);
    return (
      <NodeForm
        schema={schemaOf(type)}
        value={value}
        idPrefix="t"
        onChange={(next) => {
          setValue(next);
          changes.push(next);
        }}
      />
    );
  }
  render(<Harness />);
  return { user: userEvent.setup(), changes, last: () => changes.at(-1) };
}

function description(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');
}

/** Every text a person can read in the form, with the values of its boxes. */
function visibleText(): string {
  const values = [...document.querySelectorAll('input')].map((i) => i.value + ' ' + i.placeholder);
  return `${document.body.textContent ?? ''} ${values.join(' ')}`;
}

beforeEach(() => useLocale.getState().setLocale('en'));
afterEach(cleanup);

describe('DurationField', () => {
  it('stores a number and a unit as ISO-8601 and never shows the ISO text', async () => {
    const { user, last } = renderForm('voice.menu', { prompt: 'Hola' });
    const amount = screen.getByRole('spinbutton', { name: 'Wait for a key' });
    const unit = screen.getByRole('combobox', { name: 'Unit' }) as HTMLSelectElement;
    expect(unit.value).toBe('seconds');
    await user.type(amount, '10');
    expect(last()).toMatchObject({ timeout: 'PT10S' });
    await user.selectOptions(unit, 'minutes');
    expect(last()).toMatchObject({ timeout: 'PT10M' });
    await user.selectOptions(unit, 'days');
    expect(last()).toMatchObject({ timeout: 'P10D' });
    expect(visibleText()).not.toMatch(/\bP(T?\d)/);
  });

  it('reads a stored duration back in the largest whole unit', () => {
    renderForm('logic.wait', { duration: 'PT1H30M' });
    expect((screen.getByRole('spinbutton', { name: 'Duration' }) as HTMLInputElement).value).toBe('90');
    expect((screen.getByRole('combobox', { name: 'Unit' }) as HTMLSelectElement).value).toBe('minutes');
  });

  it('keeps the number narrow so the unit stays beside it in the inspector', () => {
    renderForm('logic.wait', { duration: 'PT2H' });
    const amount = screen.getByRole('spinbutton', { name: 'Duration' });
    expect(amount.className).toContain('w-24');
    expect(amount.className).not.toMatch(/\bw-full\b/);
    expect(screen.getByRole('combobox', { name: 'Unit' }).className).toContain('flex-1');
  });

  it('keeps "60 seconds" as typed instead of jumping to "1 minute"', async () => {
    const { user, last } = renderForm('logic.wait');
    const amount = screen.getByRole('spinbutton', { name: 'Duration' }) as HTMLInputElement;
    await user.type(amount, '600');
    expect(last()).toEqual({ duration: 'PT600S' });
    expect(amount.value).toBe('600');
    expect((screen.getByRole('combobox', { name: 'Unit' }) as HTMLSelectElement).value).toBe('seconds');
  });

  it('stores a fraction of a minute in seconds, the only unit the nodes allow fractions in', async () => {
    const { user, last } = renderForm('logic.wait');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Unit' }), 'minutes');
    await user.type(screen.getByRole('spinbutton', { name: 'Duration' }), '1.5');
    expect(last()).toEqual({ duration: 'PT90S' });
  });

  it('shows the default in words and clearing the box removes the value', async () => {
    const { user, last } = renderForm('voice.menu', { prompt: 'Hola', timeout: 'PT8S' });
    const amount = screen.getByRole('spinbutton', { name: 'Wait for a key' }) as HTMLInputElement;
    await user.clear(amount);
    expect(last()).toEqual({ prompt: 'Hola' });
    expect(amount.placeholder).toBe('5');
    expect(description(amount)).toContain('Empty: 5 seconds');
  });

  it('refuses a negative number and keeps the last good value', async () => {
    const { user, changes } = renderForm('logic.wait');
    const amount = screen.getByRole('spinbutton', { name: 'Duration' });
    await user.type(amount, '-3');
    expect(changes.every((c) => c.duration === undefined || !String(c.duration).includes('-'))).toBe(true);
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(description(amount)).toContain('Enter a number of seconds');
  });

  it('says a saved duration it cannot read is unreadable, without printing it', () => {
    renderForm('logic.wait', { duration: 'PT1.5M' });
    const amount = screen.getByRole('spinbutton', { name: 'Duration' });
    expect(description(amount)).toContain('could not be read');
    expect(visibleText()).not.toContain('PT1.5M');
  });

  it('speaks Spanish: "5 segundos"', () => {
    useLocale.getState().setLocale('es');
    renderForm('voice.menu', { prompt: 'Hola' });
    const amount = screen.getByRole('spinbutton', { name: 'Esperar una tecla' });
    expect(description(amount)).toContain('Vacío: 5 segundos');
    const unit = screen.getByRole('combobox', { name: 'Unidad' }) as HTMLSelectElement;
    expect([...unit.options].map((o) => o.text)).toEqual(['segundos', 'minutos', 'horas', 'días', 'semanas']);
  });
});
