// @vitest-environment happy-dom
import catalogJson from '@omniflow/nodes/catalog.json';
import type { NodeCategory } from '@omniflow/nodes/sdk';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogEntry, FlowDocument } from '../../api/types.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { useFlowStore } from '../canvas/flow-store.ts';
import { InspectorPanel } from './inspector-panel.tsx';

const isCategory = (value: string): value is NodeCategory =>
  ['flow', 'logic', 'http', 'messaging', 'voice', 'email', 'data'].includes(value);
function entryOf(type: string): CatalogEntry {
  const entry = catalogJson.find((e) => e.type === type);
  if (!entry || !isCategory(entry.category)) throw new Error(`No ${type} in nodes/catalog.json`);
  return { ...entry, category: entry.category };
}

const askNode = {
  id: 'ask',
  type: 'message.ask',
  version: 1,
  config: { question: '¿Cuántos?' },
  position: { x: 0, y: 0 },
};
const flow = (language?: 'es' | 'en'): FlowDocument => ({
  schemaVersion: 1,
  name: 'Bot',
  description: '',
  ...(language ? { language } : {}),
  nodes: [askNode],
  edges: [],
  variables: [],
});

function errorTextPlaceholder(language?: 'es' | 'en'): string | null {
  useFlowStore.getState().load(flow(language));
  render(
    <InspectorPanel
      entry={entryOf('message.ask')}
      node={askNode}
      issues={[]}
      variables={[]}
      onConfigChange={() => {}}
      onLabelChange={() => {}}
    />,
  );
  return screen.getByRole('combobox', { name: /^Texto de error/ }).getAttribute('placeholder');
}

beforeEach(() => useLocale.getState().setLocale('es'));
afterEach(cleanup);

describe('a default text that follows the flow’s language', () => {
  it('shows the Spanish error text an es flow will send', () => {
    expect(errorTextPlaceholder('es')).toBe('Perdone, no le he entendido. {{ nodes.self.question }}');
  });

  it('shows the English one for an en flow, whatever the screen’s language', () => {
    expect(errorTextPlaceholder('en')).toBe('Sorry, I did not understand that. {{ nodes.self.question }}');
  });

  it('shows the node’s own default for a flow with no language, which is what it will send', () => {
    expect(errorTextPlaceholder()).toBe('Sorry, I did not understand that. {{ nodes.self.question }}');
  });
});
