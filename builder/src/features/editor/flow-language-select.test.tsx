// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../api/types.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { useFlowStore } from '../canvas/flow-store.ts';
import { FlowLanguageSelect } from './flow-language-select.tsx';

const flow = (language?: 'es' | 'en'): FlowDocument => ({
  schemaVersion: 1,
  name: 'Citas',
  description: '',
  ...(language ? { language } : {}),
  nodes: [],
  edges: [],
  variables: [],
});

beforeEach(() => useLocale.getState().setLocale('es'));
afterEach(cleanup);

describe('FlowLanguageSelect', () => {
  it('sets the flow’s language, undoably', async () => {
    useFlowStore.getState().load(flow('en'));
    render(<FlowLanguageSelect readOnly={false} />);
    const select = screen.getByRole('combobox', { name: 'Habla' }) as HTMLSelectElement;
    expect(select.value).toBe('en');
    await userEvent.setup().selectOptions(select, 'es');
    expect(useFlowStore.getState().doc?.language).toBe('es');
    useFlowStore.getState().undo();
    expect(useFlowStore.getState().doc?.language).toBe('en');
  });

  it('says an older flow has no language yet, and offers no way back to none', async () => {
    useFlowStore.getState().load(flow());
    render(<FlowLanguageSelect readOnly={false} />);
    const select = screen.getByRole('combobox', { name: 'Habla' }) as HTMLSelectElement;
    expect(select.selectedOptions[0]?.text).toBe('Sin elegir');
    await userEvent.setup().selectOptions(select, 'es');
    expect([...select.options].map((o) => o.text)).toEqual(['Español', 'Inglés']);
  });

  it('cannot be changed on a published version', () => {
    useFlowStore.getState().load(flow('es'));
    render(<FlowLanguageSelect readOnly />);
    expect(screen.getByRole('combobox', { name: 'Habla' }).hasAttribute('disabled')).toBe(true);
  });
});
