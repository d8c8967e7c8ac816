// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { stubApi } from '../../api/test-api.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { NodeForm } from './node-form.tsx';

useComponentTestHooks();

const schema = {
  type: 'object',
  properties: {
    template: {
      type: 'string',
      ui: { widget: 'library-template', kind: 'text', label: { en: 'Template', es: 'Plantilla' } },
    },
  },
  required: ['template'],
};

const template = (name: string, body: string) => ({
  id: `id-${name}`,
  name,
  kind: 'text',
  description: '',
  variants: { en: { body } },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

function Harness({ initial, seen }: { initial: Record<string, unknown>; seen: unknown[] }) {
  const [value, setValue] = useState(initial);
  return (
    <NodeForm
      schema={schema}
      value={value}
      idPrefix="t"
      onChange={(next) => {
        seen.push(next);
        setValue(next);
      }}
    />
  );
}

describe('LibraryTemplateField', () => {
  it('picks a text template by name and shows its preview with the SMS count', async () => {
    const api = stubApi({
      'GET /templates': () => ({
        items: [template('greeting', 'Hi {{ contact.first_name }}'), template('bye', 'Bye')],
      }),
      'POST /templates/preview': ({ body }) => ({
        text: JSON.stringify(body).includes('Bye') ? 'Bye' : 'Hi Alex',
        sms: { encoding: 'gsm7', units: 7, segments: 1 },
        problems: [],
      }),
    });
    const seen: unknown[] = [];
    render(<Harness initial={{}} seen={seen} />);
    await settle();
    expect(api.calls[0]!.path).toBe('/templates?kind=text');
    fireEvent.change(screen.getByLabelText(/Template/), { target: { value: 'greeting' } });
    expect(seen.at(-1)).toEqual({ template: 'greeting' });
    await settle();
    await settle();
    expect(screen.getByTestId('library-template-preview').textContent).toContain('Hi Alex');
    expect(screen.getByTestId('sms-counter').textContent).toBe('1 SMS · GSM-7 · 7 characters');
    expect(screen.getByRole('link', { name: 'Open Templates' }).getAttribute('href')).toBe(
      '#/templates/greeting',
    );
  });

  it('says when the node names a template the library does not have', async () => {
    stubApi({ 'GET /templates': () => ({ items: [template('greeting', 'Hi')] }) });
    render(<Harness initial={{ template: 'gone' }} seen={[]} />);
    await settle();
    expect(screen.getByText('“gone” is not in the library')).toBeTruthy();
    expect(screen.getByLabelText(/Template/).getAttribute('aria-invalid')).toBe('true');
  });
});
