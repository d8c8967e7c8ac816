// @vitest-environment happy-dom
import catalogJson from '@omniflow/nodes/catalog.json';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../api/types.ts';
import { apiError, stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { useFlowStore } from '../canvas/flow-store.ts';
import { NodeForm } from '../inspector/node-form.tsx';
import { ReusableToggle } from './reusable-toggle.tsx';

useComponentTestHooks();

const callSchema = catalogJson.find((e) => e.type === 'flow.call')!.configSchema;
const flow = (id: string, name: string, latestVersion: number | null, reusable: boolean) => ({
  id,
  name,
  description: '',
  latestVersion,
  reusable,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const idA = '0190b3c4-0000-7000-8000-00000000000a';
const idB = '0190b3c4-0000-7000-8000-00000000000b';
const idDraft = '0190b3c4-0000-7000-8000-00000000000c';

function Harness({ initial, seen }: { initial: Record<string, unknown>; seen: unknown[] }) {
  const [value, setValue] = useState(initial);
  return (
    <NodeForm
      schema={callSchema}
      value={value}
      idPrefix="t"
      onChange={(next) => {
        seen.push(next);
        setValue(next);
      }}
    />
  );
}

describe('the flow picker of “Call a flow”', () => {
  it('lists published flows only, reusable first, and sets the flow with its name', async () => {
    stubApi({
      'GET /flows': () => ({
        items: [
          flow(idA, 'Send invoice', 3, false),
          flow(idDraft, 'Not yet published', null, true),
          flow(idB, 'Find customer', 1, true),
        ],
      }),
    });
    const seen: unknown[] = [];
    render(<Harness initial={{ mode: 'wait', inputs: {} }} seen={seen} />);
    await settle();
    const picker = screen.getByRole('combobox', { name: /Flow to run/ }) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.text)).toEqual([
      'Choose a published flow',
      'Find customer (reusable)',
      'Send invoice',
    ]);
    fireEvent.change(picker, { target: { value: idA } });
    expect(seen.at(-1)).toEqual({ mode: 'wait', inputs: {}, flowId: idA, flowName: 'Send invoice' });
    expect(picker.value).toBe(idA);
    fireEvent.change(picker, { target: { value: '' } });
    expect(seen.at(-1)).toEqual({ mode: 'wait', inputs: {} });
    act(() => useLocale.getState().setLocale('es'));
    expect(picker.options[0]!.text).toBe('Elige un flujo publicado');
  });

  it('says when the chosen flow is gone, and when there is nothing to call', async () => {
    stubApi({ 'GET /flows': () => ({ items: [flow(idDraft, 'Draft', null, true)] }) });
    render(<Harness initial={{ flowId: idA, flowName: 'Old', inputs: {} }} seen={[]} />);
    await settle();
    const picker = screen.getByRole('combobox', { name: /Flow to run/ }) as HTMLSelectElement;
    expect(picker.selectedOptions[0]!.text).toBe('A flow that is gone or no longer published');
    expect(screen.getByText('No published flows to call yet: publish one first.')).toBeTruthy();
  });

  it('shows why the flows could not be listed', async () => {
    stubApi({ 'GET /flows': () => apiError(503, 'UNAVAILABLE', 'Database unavailable') });
    render(<Harness initial={{ inputs: {} }} seen={[]} />);
    await settle();
    expect(screen.getByText('Could not list the flows: Database unavailable')).toBeTruthy();
  });
});

describe('the reusable subflow toggle', () => {
  const doc: FlowDocument = {
    schemaVersion: 1,
    name: 'Find customer',
    description: '',
    nodes: [],
    edges: [],
    variables: [],
  };

  it('marks the flow reusable, undoably, and is disabled when read-only', () => {
    useFlowStore.getState().load(doc);
    const view = render(<ReusableToggle readOnly={false} />);
    const toggle = screen.getByRole('switch', { name: 'Reusable subflow' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    expect(useFlowStore.getState().doc?.reusable).toBe(true);
    expect(toggle.checked).toBe(true);
    act(() => useFlowStore.getState().undo());
    expect(useFlowStore.getState().doc?.reusable).toBeUndefined();
    view.unmount();
    render(<ReusableToggle readOnly />);
    expect((screen.getByRole('switch', { name: 'Reusable subflow' }) as HTMLInputElement).disabled).toBe(
      true,
    );
  });
});
