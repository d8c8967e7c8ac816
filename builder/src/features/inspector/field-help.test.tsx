// @vitest-environment happy-dom
import catalogJson from '@omniflow/nodes/catalog.json';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useLocale } from '../../i18n/use-i18n.ts';
import { NodeForm } from './node-form.tsx';

const schemaOf = (type: string) => catalogJson.find((e) => e.type === type)!.configSchema;

afterEach(cleanup);

describe('a field’s help (ui.help)', () => {
  it.each([
    ['es', /^Primera palabra/, '«Quiero una cita» no'],
    ['en', /^First word/, '“I want an appointment” does not'],
  ] as const)('tells the designer in %s that a keyword must be the first word', (lang, name, rule) => {
    useLocale.getState().setLocale(lang);
    render(<NodeForm schema={schemaOf('message.inbound')} value={{}} onChange={() => {}} />);
    const keyword = screen.getByRole('textbox', { name });
    const help = document.getElementById(keyword.getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toContain(rule);
  });

  it('adds no help where the node gives none, and ignores a help that is not in both languages', () => {
    useLocale.getState().setLocale('es');
    const schema = {
      type: 'object',
      properties: {
        to: { type: 'string', ui: { label: { en: 'To', es: 'A' } } },
        from: { type: 'string', ui: { label: { en: 'From', es: 'De' }, help: { en: 'Only English' } } },
      },
    };
    render(<NodeForm schema={schema} value={{}} onChange={() => {}} />);
    expect(screen.getByRole('textbox', { name: /^A/ }).getAttribute('aria-describedby')).toBeNull();
    expect(screen.getByRole('textbox', { name: /^De/ }).getAttribute('aria-describedby')).toBeNull();
    expect(screen.queryByText('Only English')).toBeNull();
  });
});
