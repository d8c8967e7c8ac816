// @vitest-environment happy-dom
import catalogJson from '@omniflow/nodes/catalog.json';
import type { NodeCategory } from '@omniflow/nodes/sdk';
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { stubApi } from '../../api/test-api.ts';
import type { CatalogEntry, FlowDocument, ValidationIssue } from '../../api/types.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { NodeSummaryView } from '../canvas/node-summary-view.tsx';
import { useFlowStore } from '../canvas/flow-store.ts';
import { InspectorPanel } from '../inspector/inspector-panel.tsx';
import { useVoicePromptStore } from './use-voice-prompts.ts';

// say/menu/gather need their text OR a recorded audio (nodes/src/voice/recorded-prompt.ts): a
// designer who picked the recording is not asked to type the text too.
useComponentTestHooks();

const isCategory = (value: string): value is NodeCategory =>
  ['flow', 'logic', 'http', 'messaging', 'voice', 'email', 'data'].includes(value);
function entryOf(type: string): CatalogEntry {
  const entry = catalogJson.find((e) => e.type === type);
  if (!entry || !isCategory(entry.category)) throw new Error(`No ${type} in nodes/catalog.json`);
  return { ...entry, category: entry.category };
}

const welcome = {
  id: '0190b3c4-0000-7000-8000-000000000001',
  name: 'Bienvenida',
  reference: 'prompt:0190b3c4-0000-7000-8000-000000000001',
  durationMs: 2400,
  bytes: 38444,
  contentType: 'audio/wav',
  audioUrl: '/api/v1/voice-prompts/0190b3c4-0000-7000-8000-000000000001/audio',
  createdAt: '2026-01-01T00:00:00.000Z',
};

function showInspector(type: string, config: Record<string, unknown>, issues: ValidationIssue[] = []) {
  const node = { id: 'n1', type, version: 1, config, position: { x: 0, y: 0 } };
  const flow: FlowDocument = {
    schemaVersion: 1,
    name: 'IVR',
    description: '',
    nodes: [node],
    edges: [],
    variables: [],
  };
  useFlowStore.getState().load(flow);
  render(
    <InspectorPanel
      entry={entryOf(type)}
      node={node}
      issues={issues}
      variables={[]}
      onConfigChange={() => {}}
      onLabelChange={() => {}}
    />,
  );
}

// The first such field is the text itself; the menu's and gather's retry texts follow it.
const textField = () => screen.getAllByRole('combobox', { name: /^(Texto|Locución)/ })[0]!;

beforeEach(() => {
  useLocale.getState().setLocale('es');
  useVoicePromptStore.setState({ prompts: null, loading: false });
  stubApi({ 'GET /voice-prompts': () => ({ items: [welcome] }) });
});

describe('a recorded audio instead of the text', () => {
  it.each([
    ['voice.say', {}],
    ['voice.menu', { options: [{ digit: '1', id: 'ventas', label: 'Ventas' }] }],
    ['voice.gather', {}],
  ])('%s: the empty text is not flagged once a recording is picked', async (type, rest) => {
    showInspector(type, { ...rest, recordedPrompt: welcome.reference });
    await settle();
    expect(screen.queryByText('Este campo es obligatorio')).toBeNull();
    expect(textField().getAttribute('aria-required')).toBeNull();
  });

  it('still asks for the text while no recording is picked', async () => {
    showInspector('voice.say', { text: '' });
    await settle();
    expect(screen.getByText('Este campo es obligatorio')).toBeTruthy();
    expect(textField().getAttribute('aria-required')).toBe('true');
  });

  it('says under the text which other field would do, from the server’s check', async () => {
    const issue: ValidationIssue = {
      code: 'NODE_CONFIG_INVALID',
      severity: 'error',
      nodeId: 'n1',
      path: ['text'],
      message: 'Decir "n1": text: Write the text to say, or choose a recorded audio',
      params: {
        node: 'Decir',
        nodeEs: 'Decir',
        reason: 'either',
        field: 'Text',
        fieldEs: 'Texto',
        other: 'Recorded audio (played instead of reading the text)',
        otherEs: 'Audio grabado (se reproduce en lugar de leer el texto)',
      },
    };
    showInspector('voice.say', { text: '' }, [issue]);
    await settle();
    expect(
      screen.getByText('Rellena este campo o elige «Audio grabado (se reproduce en lugar de leer el texto)»'),
    ).toBeTruthy();
  });

  it.each(['voice.menu', 'voice.gather'])(
    '%s: offers the recorded-audio picker for saying again too, picking by name',
    async (type) => {
      const seen: Record<string, unknown>[] = [];
      const node = { id: 'n1', type, version: 1, config: { prompt: 'Pulse 1' }, position: { x: 0, y: 0 } };
      useFlowStore.getState().load({
        schemaVersion: 1,
        name: 'IVR',
        description: '',
        nodes: [node],
        edges: [],
        variables: [],
      });
      render(
        <InspectorPanel
          entry={entryOf(type)}
          node={node}
          issues={[]}
          variables={[]}
          onConfigChange={(config) => seen.push(config)}
          onLabelChange={() => {}}
        />,
      );
      await settle();
      const pickers = [...document.querySelectorAll('legend')].map((l) => l.textContent ?? '');
      expect(pickers.filter((text) => text.startsWith('Audio grabado'))).toHaveLength(3);
      const noKey = [...document.querySelectorAll('fieldset')].find((f) =>
        f.querySelector('legend')?.textContent?.startsWith('Audio grabado si no pulsa nada'),
      )!;
      within(noKey).getByLabelText('Usar Bienvenida').click();
      expect(seen.at(-1)).toMatchObject({ noInputRecordedPrompt: welcome.reference });
    },
  );

  it('shows the card with the recording’s name and no empty text line', async () => {
    render(
      <NodeSummaryView
        entry={entryOf('voice.say')}
        config={{ text: '', recordedPrompt: welcome.reference }}
      />,
    );
    await settle();
    const lines = [...document.querySelectorAll('[data-node-summary] li')].map((li) => li.textContent);
    expect(lines).toEqual(['♪ Bienvenida']);
  });
});
