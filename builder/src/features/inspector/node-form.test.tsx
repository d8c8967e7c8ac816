// @vitest-environment happy-dom
import catalogJson from '@omniflow/nodes/catalog.json';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../../api/types.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { NodeForm } from './node-form.tsx';

type Config = Record<string, unknown>;

function schemaOf(type: string): unknown {
  const entry = catalogJson.find((e) => e.type === type);
  if (!entry) throw new Error(`No ${type} in nodes/catalog.json`);
  return entry.configSchema;
}

interface HarnessProps {
  schema: unknown;
  initial: Config;
  issues?: ValidationIssue[];
  variables?: string[];
  readOnly?: boolean;
  onValue(next: Config): void;
}

function Harness({ schema, initial, onValue, ...rest }: HarnessProps) {
  const [value, setValue] = useState(initial);
  return (
    <NodeForm
      schema={schema}
      value={value}
      idPrefix="t"
      onChange={(next) => {
        setValue(next);
        onValue(next);
      }}
      {...rest}
    />
  );
}

function renderForm(schema: unknown, initial: Config = {}, extra: Partial<HarnessProps> = {}) {
  const changes: Config[] = [];
  const user = userEvent.setup();
  const view = render(
    <Harness schema={schema} initial={initial} onValue={(v) => changes.push(v)} {...extra} />,
  );
  return { ...view, user, changes, last: () => changes.at(-1) };
}

/** The element ids in aria-describedby, resolved to their text. */
function description(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? `<missing #${id}>`)
    .join(' | ');
}

/** True when assistive technology gets a name for the control. */
function hasLabel(element: Element): boolean {
  if (element.getAttribute('aria-label')?.trim()) return true;
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy?.split(' ').some((id) => document.getElementById(id)?.textContent?.trim())) return true;
  return element.id !== '' && !!document.querySelector(`label[for="${element.id}"]`)?.textContent?.trim();
}

const issue = (path: (string | number)[], message: string): ValidationIssue => ({
  code: 'NODE_CONFIG_INVALID',
  severity: 'error',
  nodeId: 'n1',
  path,
  message,
});

beforeEach(() => useLocale.getState().setLocale('en'));
afterEach(cleanup);

describe('NodeForm widgets', () => {
  it('edits a string in a text input and removes the key when cleared', async () => {
    const { user, last } = renderForm({ type: 'object', properties: { firstName: { type: 'string' } } });
    const input = screen.getByRole('textbox', { name: 'First name' });
    await user.type(input, 'Ana');
    expect(last()).toEqual({ firstName: 'Ana' });
    await user.clear(input);
    expect(last()).toEqual({});
  });

  it('edits numbers and integers, keeping a non-integer out of an integer field', async () => {
    const { user, last } = renderForm({
      type: 'object',
      properties: { price: { type: 'number' }, retries: { type: 'integer', minimum: 0 } },
    });
    await user.type(screen.getByRole('spinbutton', { name: 'Price' }), '4.5');
    expect(last()).toEqual({ price: 4.5 });
    const retries = screen.getByRole('spinbutton', { name: 'Retries' });
    await user.type(retries, '2.5');
    expect(last()).toEqual({ price: 4.5, retries: 2 });
    expect(retries.getAttribute('aria-invalid')).toBe('true');
    expect(description(retries)).toContain('Enter a whole number');
    await user.clear(retries);
    await user.type(retries, '3');
    expect(last()).toEqual({ price: 4.5, retries: 3 });
    expect(retries.hasAttribute('aria-invalid')).toBe(false);
  });

  it('picks an enum value from a select that shows the default once, selected while unset', async () => {
    const { user, last } = renderForm(schemaOf('http.request'), { url: 'https://x.test' });
    const method = screen.getByRole('combobox', { name: 'Method' });
    expect(within(method).queryByRole('option', { name: 'Default (GET)' })).toBeNull();
    expect(within(method).getAllByRole('option', { name: 'GET' })).toHaveLength(1);
    expect((method as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('GET');
    await user.selectOptions(method, 'POST');
    expect(last()).toEqual({ url: 'https://x.test', method: 'POST' });
    await user.selectOptions(method, 'GET');
    expect(last()).toEqual({ url: 'https://x.test' });
  });

  it('offers "Choose…" for a required enum without a default', () => {
    renderForm({
      type: 'object',
      properties: { operator: { type: 'string', enum: ['equals', 'contains'] } },
      required: ['operator'],
    });
    const select = screen.getByRole('combobox', { name: 'Operator' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose…', 'equals', 'contains']);
  });

  it('toggles a boolean with a switch, by mouse and keyboard', async () => {
    const { user, last, changes } = renderForm({
      type: 'object',
      properties: { sendCopy: { type: 'boolean', default: false } },
    });
    const toggle = screen.getByRole('switch', { name: 'Send copy' });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(changes).toHaveLength(0);
    await user.click(toggle);
    expect(last()).toEqual({ sendCopy: true });
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    toggle.focus();
    await user.keyboard(' ');
    expect(last()).toEqual({ sendCopy: false });
  });

  it('edits a duration as a number and a unit (the picker has its own tests)', async () => {
    const { user, last } = renderForm(schemaOf('logic.wait-for-event'), { event: 'paid' });
    await user.type(screen.getByRole('spinbutton', { name: 'Timeout' }), '2');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Unit' }), 'hours');
    expect(last()).toEqual({ event: 'paid', timeout: 'PT2H' });
  });

  it('adds, fills, reorders and removes rows', async () => {
    const { user, last } = renderForm(schemaOf('logic.set'), { assignments: [] });
    const add = screen.getByRole('button', { name: 'Add row to Assignments' });
    await user.click(add);
    expect(last()).toEqual({ assignments: [{}] });
    // Focus moves into the new row, so the keyboard user can type straight away.
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Variable' }));
    await user.keyboard('first');
    await user.click(add);
    await user.keyboard('second');
    expect(last()).toEqual({ assignments: [{ name: 'first' }, { name: 'second' }] });

    await user.click(screen.getByRole('button', { name: 'Move Assignments #2 up' }));
    expect(last()).toEqual({ assignments: [{ name: 'second' }, { name: 'first' }] });
    const names = () =>
      screen.getAllByRole('textbox', { name: 'Variable' }).map((i) => (i as HTMLInputElement).value);
    expect(names()).toEqual(['second', 'first']);
    expect(screen.getByRole('button', { name: 'Move Assignments #1 up' }).hasAttribute('disabled')).toBe(
      true,
    );

    await user.click(screen.getByRole('button', { name: 'Move Assignments #1 down' }));
    expect(names()).toEqual(['first', 'second']);

    await user.click(screen.getByRole('button', { name: 'Remove Assignments #1' }));
    expect(last()).toEqual({ assignments: [{ name: 'second' }] });
    expect(names()).toEqual(['second']);
    expect(document.activeElement).toBe(add);
  });

  it('renders nested rows (a split branch with its conditions)', async () => {
    const { user, last } = renderForm(schemaOf('logic.split'), {
      branches: [
        { id: 'vip', conditions: [{ left: '{{ input.tier }}', operator: 'equals', right: 'gold' }] },
      ],
    });
    const branch = screen.getByRole('group', { name: 'Branches #1' });
    expect(within(branch).getByRole('textbox', { name: 'Port id' })).toHaveProperty('value', 'vip');
    await user.click(within(branch).getByRole('button', { name: 'Add row to Conditions' }));
    await user.selectOptions(within(branch).getAllByRole('combobox', { name: 'Operator' })[1]!, 'is empty');
    expect(last()).toEqual({
      branches: [
        {
          id: 'vip',
          conditions: [
            { left: '{{ input.tier }}', operator: 'equals', right: 'gold' },
            { operator: 'is_empty' },
          ],
        },
      ],
    });
  });

  it('adds, edits and removes key/value entries of a record', async () => {
    const { user, last } = renderForm(schemaOf('http.request'), { url: 'https://x.test' });
    const headers = screen.getByRole('group', { name: 'Headers' });
    expect(within(headers).getByText('No entries yet.')).toBeTruthy();
    await user.click(within(headers).getByRole('button', { name: 'Add entry to Headers' }));
    expect(document.activeElement).toBe(within(headers).getByRole('textbox', { name: 'Headers: key 1' }));
    await user.keyboard('X-Token');
    expect(last()).toEqual({ url: 'https://x.test', headers: { 'X-Token': '' } });
    await user.type(within(headers).getByRole('combobox', { name: 'Headers: value 1' }), 'abc');
    expect(last()).toEqual({ url: 'https://x.test', headers: { 'X-Token': 'abc' } });

    const key = within(headers).getByRole('textbox', { name: 'Headers: key 1' });
    await user.clear(key);
    await user.type(key, 'Authorization');
    expect(last()).toEqual({ url: 'https://x.test', headers: { Authorization: 'abc' } });

    await user.click(within(headers).getByRole('button', { name: 'Add entry to Headers' }));
    await user.keyboard('Authorization');
    const second = within(headers).getByRole('textbox', { name: 'Headers: key 2' });
    expect(second.getAttribute('aria-invalid')).toBe('true');
    expect(description(second)).toContain('already used');
    expect(last()).toEqual({ url: 'https://x.test', headers: { Authorization: 'abc' } });

    await user.click(within(headers).getByRole('button', { name: 'Remove entry 1 of Headers' }));
    expect(last()).toEqual({ url: 'https://x.test', headers: { Authorization: '' } });
    await user.click(within(headers).getByRole('button', { name: 'Remove entry 1 of Headers' }));
    expect(last()).toEqual({ url: 'https://x.test', headers: {} });
  });

  it('inserts a variable into a template field with the keyboard', async () => {
    const { user, last } = renderForm(
      schemaOf('http.request'),
      {},
      { variables: ['input.amount', 'vars.total', 'nodes.call.output.status'] },
    );
    const url = screen.getByRole('combobox', { name: 'URL' });
    const options = () =>
      within(screen.getByRole('listbox', { name: 'Variables' }))
        .getAllByRole('option')
        .map((o) => o.textContent);
    await user.type(url, 'https://pay.test/{{{{');
    expect(url.getAttribute('aria-expanded')).toBe('true');
    expect(options()).toEqual(['input.amount', 'vars.total', 'nodes.call.output.status']);
    await user.type(url, 'tot');
    expect(options()).toEqual(['vars.total']);
    await user.keyboard('{Enter}');
    expect(last()).toEqual({ url: 'https://pay.test/{{ vars.total }}' });
    expect(url.getAttribute('aria-expanded')).toBe('false');
  });

  it('renders the code widget as a textarea that reports JSON errors', async () => {
    const { user, last } = renderForm({
      type: 'object',
      properties: { payload: { type: 'string', ui: { widget: 'code', language: 'json' } } },
    });
    const code = screen.getByRole('textbox', { name: 'Payload' });
    expect(code.tagName).toBe('TEXTAREA');
    await user.type(code, '{{"a": 1,}');
    expect(last()).toEqual({ payload: '{"a": 1,}' });
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(description(code)).toContain('Not valid JSON at line 1, column 9: unexpected “}”');
    await user.clear(code);
    await user.type(code, '{{"a": 1}');
    expect(code.hasAttribute('aria-invalid')).toBe(false);
  });

  it('accepts Liquid inside a JSON body marked as a template', async () => {
    const { user, last } = renderForm(schemaOf('http.request'), { url: 'https://x.test' });
    const body = screen.getByRole('textbox', { name: 'Body' });
    await user.type(body, '{{"amount": {{{{ input.amount }}, "note": "{{{{ vars.note }}"}');
    expect(last()).toEqual({
      url: 'https://x.test',
      body: '{"amount": {{ input.amount }}, "note": "{{ vars.note }}"}',
    });
    expect(body.hasAttribute('aria-invalid')).toBe(false);
  });

  it('saves a "JSON or template" value as JSON when it parses and as text otherwise', async () => {
    const { user, last } = renderForm(schemaOf('logic.set'), { assignments: [{ name: 'total' }] });
    const value = screen.getByRole('combobox', { name: 'Value' });
    const saved = () => (last()?.assignments as { value?: unknown }[])[0]?.value;

    await user.type(value, '42');
    expect(saved()).toBe(42);
    expect(description(value)).toContain('Saved as a number');

    await user.clear(value);
    await user.type(value, 'true');
    expect(saved()).toBe(true);

    await user.clear(value);
    await user.type(value, '{{"plan": "gold", "seats": [[3]}');
    expect(saved()).toEqual({ plan: 'gold', seats: [3] });
    expect(description(value)).toContain('Saved as a JSON object');

    await user.clear(value);
    await user.type(value, '{{{{ input.amount | times: 2 }}');
    expect(saved()).toBe('{{ input.amount | times: 2 }}');
    expect(description(value)).toContain('Saved as text');

    await user.clear(value);
    await user.type(value, '1.0');
    // The text stays as typed while the saved value is the number.
    expect((value as HTMLInputElement).value).toBe('1.0');
    expect(saved()).toBe(1);
  });

  it('shows a saved JSON value as JSON text, quoting a string that would read as JSON', () => {
    renderForm(schemaOf('logic.set'), {
      assignments: [
        { name: 'a', value: { x: 1 } },
        { name: 'b', value: '42' },
        { name: 'c', value: 'hello' },
      ],
    });
    expect(
      screen.getAllByRole('combobox', { name: 'Value' }).map((i) => (i as HTMLInputElement).value),
    ).toEqual(['{"x":1}', '"42"', 'hello']);
  });
});

describe('NodeForm required fields, defaults and issues', () => {
  it('marks required fields and says when one is empty', async () => {
    const { user } = renderForm(schemaOf('http.request'));
    const url = screen.getByRole('combobox', { name: 'URL' });
    expect(url.getAttribute('aria-required')).toBe('true');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(description(url)).toContain('This field is required');
    const method = screen.getByRole('combobox', { name: 'Method' });
    expect(method.hasAttribute('aria-required')).toBe(false);
    expect(method.hasAttribute('aria-invalid')).toBe(false);

    await user.type(url, 'https://x.test');
    expect(url.hasAttribute('aria-invalid')).toBe(false);
    expect(description(url)).not.toContain('This field is required');
  });

  it('keeps the validator’s message for an empty required field next to "required"', () => {
    renderForm(
      schemaOf('http.request'),
      {},
      { issues: [issue(['url'], 'HTTP request "n1": url: Enter the URL to call')] },
    );
    const url = screen.getByRole('combobox', { name: 'URL' });
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(description(url)).toContain('This field is required');
    expect(description(url)).toContain('Enter the URL to call');
  });

  it('says a required list is empty', () => {
    renderForm(schemaOf('logic.split'));
    const branches = screen.getByRole('group', { name: 'Branches' });
    expect(description(branches)).toContain('This field is required');
  });

  it('shows defaults as placeholders without writing them into the config', () => {
    const { changes } = renderForm(schemaOf('http.request'), { url: 'https://x.test' });
    const timeout = screen.getByRole('spinbutton', { name: 'Timeout' }) as HTMLInputElement;
    expect(timeout.value).toBe('');
    expect(timeout.placeholder).toBe('30');
    expect(description(timeout)).toContain('Empty: 30 seconds');
    expect(changes).toEqual([]);
  });

  it('puts each issue under the field its path points at', () => {
    renderForm(
      schemaOf('logic.set'),
      {
        assignments: [
          { name: 'ok', value: 1 },
          { name: '1bad', value: 2 },
        ],
      },
      {
        issues: [
          issue(
            ['assignments', 1, 'name'],
            'Set variables "n1": assignments.1.name: A variable name starts with a letter or _',
          ),
          issue(['assignments', 0, 'value', 'deep'], 'Bad value'),
        ],
      },
    );
    const [first, second] = screen.getAllByRole('textbox', { name: 'Variable' });
    expect(first!.hasAttribute('aria-invalid')).toBe(false);
    expect(second!.getAttribute('aria-invalid')).toBe('true');
    // The node and path prefix is dropped: the field's place already says it.
    expect(description(second!)).toBe('A variable name starts with a letter or _');
    const [value] = screen.getAllByRole('combobox', { name: 'Value' });
    expect(value!.getAttribute('aria-invalid')).toBe('true');
    expect(description(value!)).toContain('Bad value');
    expect(screen.queryByTestId('node-problems')).toBeNull();
  });

  it('puts an issue about a record key under that entry', () => {
    renderForm(
      schemaOf('http.request'),
      { url: 'https://x.test', headers: { 'X-Token': '{{ oops' } },
      {
        issues: [
          issue(['headers', 'X-Token'], 'HTTP request "n1": template at headers.X-Token: unclosed tag'),
        ],
      },
    );
    const value = screen.getByRole('combobox', { name: 'Headers: value 1' });
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(description(value)).toBe('unclosed tag');
  });

  it('shows issues without a field path at the top of the form', () => {
    renderForm(
      schemaOf('logic.wait'),
      { duration: 'PT1H', until: '2030-01-01T00:00:00Z' },
      {
        issues: [
          issue([], 'Wait "n1": Set either a duration or an "until" date-time, not both'),
          { code: 'PORT_UNWIRED', severity: 'warning', nodeId: 'n1', message: 'Port "next" goes nowhere' },
          issue(['nonexistent'], 'Unknown key'),
        ],
      },
    );
    const problems = screen.getByRole('group', { name: 'Problems with this node' });
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Wait "n1": Set either a duration or an "until" date-time, not both',
      'Port "next" goes nowhere',
      'Unknown key',
    ]);
    expect(screen.getByRole('spinbutton', { name: 'Duration' }).hasAttribute('aria-invalid')).toBe(false);
  });

  it('disables every control when read-only', () => {
    renderForm(
      schemaOf('logic.split'),
      { branches: [{ id: 'a', conditions: [{ left: 'x', operator: 'equals' }] }] },
      { readOnly: true },
    );
    const controls = document.querySelectorAll('input, select, textarea, button');
    expect(controls.length).toBeGreaterThan(5);
    for (const control of controls) expect(control.hasAttribute('disabled'), control.outerHTML).toBe(true);
  });
});

describe('NodeForm on the real node catalog', () => {
  // Enough data that lists and records render their rows too.
  const samples: Record<string, Config> = {
    'http.request': { url: 'https://x.test', headers: { Accept: 'application/json' }, body: '{}' },
    'logic.set': { assignments: [{ name: 'total', value: 1 }] },
    'ai.chat': {
      mode: 'classify',
      intents: [{ id: 'billing', name: 'Cobros' }],
      fields: [{ name: 'order', type: 'string' }],
    },
    'logic.split': { branches: [{ id: 'a', conditions: [{ left: 'x', operator: 'equals' }] }] },
    'flow.end': { output: { result: '{{ vars.total }}' } },
    'flow.start': { inputs: [{ label: 'Nombre', name: 'name', type: 'text' }] },
    'logic.business-hours': {
      mon: [{ open: '09:00', close: '18:00' }],
      holidays: [{ date: '2026-01-01', yearly: true, name: 'Año Nuevo' }],
    },
    'voice.menu': { prompt: 'Pulse 1', options: [{ digit: '1', id: 'one', label: 'Uno' }] },
    'message.ask': { question: '¿Cuándo?', expect: 'choice', choices: [{ id: 'am', title: 'Mañana' }] },
    'message.send': { text: 'Hola', buttons: [{ id: 'ok', title: 'Vale' }] },
    'logic.ab-split': {
      branches: [
        { id: 'a', label: 'A', share: 50 },
        { id: 'b', label: 'B', share: 50 },
      ],
    },
  };
  // A node with nothing to set (voice.hangup) shows no form, so it has no controls to label.
  const configurable = catalogJson.filter(
    (entry) => Object.keys((entry.configSchema as { properties?: object }).properties ?? {}).length > 0,
  );

  it.each(configurable.map((entry) => [entry.type, entry] as const))(
    'renders %s with a label on every control',
    (type, entry) => {
      renderForm(entry.configSchema, samples[type] ?? {});
      const controls = [...document.querySelectorAll('input, select, textarea, button')];
      expect(controls.length).toBeGreaterThan(0);
      for (const control of controls) expect(hasLabel(control), control.outerHTML).toBe(true);
    },
  );

  it.each(configurable.map((entry) => [entry.type, entry] as const))(
    'labels the fields of %s in Spanish when the language is es',
    (type, entry) => {
      act(() => useLocale.getState().setLocale('es'));
      renderForm(entry.configSchema, samples[type] ?? {});
      const labels = [...document.querySelectorAll('label, legend, [role="switch"]')].map((element) =>
        element.textContent?.replace('*', '').trim(),
      );
      const expected = collectLabels(entry.configSchema);
      expect(expected.length).toBeGreaterThan(0);
      for (const label of expected) expect(labels, label).toContain(label);
    },
  );

  it('switches labels live when the language changes', () => {
    renderForm(schemaOf('http.request'), { url: 'https://x.test' });
    expect(screen.getByRole('combobox', { name: 'Method' })).toBeTruthy();
    act(() => useLocale.getState().setLocale('es'));
    expect(screen.getByRole('combobox', { name: 'Método' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Cabeceras' })).toBeTruthy();
    expect(screen.getByRole('spinbutton', { name: 'Tiempo máximo' })).toBeTruthy();
  });
});

/** Every Spanish `ui.label` in a catalog schema that the sample data makes visible. */
function collectLabels(schema: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const ui = record.ui as { label?: { es?: string } } | undefined;
    if (ui?.label?.es) found.push(ui.label.es);
    for (const key of ['properties', 'items']) {
      const inner = record[key];
      if (key === 'items') visit(inner);
      else if (inner && typeof inner === 'object') Object.values(inner).forEach(visit);
    }
  };
  visit(schema);
  return found;
}
