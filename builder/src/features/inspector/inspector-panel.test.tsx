// @vitest-environment happy-dom
import catalogJson from '@omniflow/nodes/catalog.json';
import type { NodeCategory } from '@omniflow/nodes/sdk';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CatalogEntry, FlowNodeDoc, ValidationIssue } from '../../api/types.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { InspectorPanel } from './inspector-panel.tsx';

const categories: readonly string[] = ['flow', 'logic', 'http', 'messaging', 'voice', 'email', 'data'];
const isCategory = (value: string): value is NodeCategory => categories.includes(value);
function entryOf(type: string): CatalogEntry {
  const entry = catalogJson.find((e) => e.type === type);
  if (!entry || !isCategory(entry.category)) throw new Error(`No ${type} in nodes/catalog.json`);
  return { ...entry, category: entry.category };
}

const callNode: FlowNodeDoc = {
  id: 'call',
  type: 'http.request',
  version: 1,
  config: { url: 'https://x.test', headers: { Accept: 'application/json' } },
  position: { x: 0, y: 0 },
};

function renderPanel(extra: { node?: FlowNodeDoc; issues?: ValidationIssue[]; readOnly?: boolean } = {}) {
  const onConfigChange = vi.fn();
  const onLabelChange = vi.fn();
  const view = render(
    <InspectorPanel
      entry={entryOf('http.request')}
      node={extra.node ?? callNode}
      issues={extra.issues ?? []}
      variables={['input', 'vars.total']}
      onConfigChange={onConfigChange}
      onLabelChange={onLabelChange}
      readOnly={extra.readOnly}
    />,
  );
  return { ...view, onConfigChange, onLabelChange };
}

beforeEach(() => useLocale.getState().setLocale('en'));
afterEach(cleanup);

describe('InspectorPanel', () => {
  it('names the node and describes it in the current language', () => {
    renderPanel();
    const panel = screen.getByRole('region', { name: 'HTTP request' });
    expect(within(panel).getByText(/Calls a web service/)).toBeTruthy();
    expect(within(panel).queryByText(/http\.request/)).toBeNull();
    act(() => useLocale.getState().setLocale('es'));
    expect(screen.getByRole('region', { name: 'Petición HTTP' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Etiqueta' })).toBeTruthy();
  });

  it('shows the node id and type only when technical details are asked for, and remembers it', async () => {
    const user = userEvent.setup();
    renderPanel();
    expect(screen.queryByTestId('technical-details')).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Show technical details' }));
    expect(screen.getByTestId('technical-details').textContent).toBe('ID call · http.request v1');
    expect(localStorage.getItem('omniflow.technicalDetails')).toBe('true');
    await user.click(screen.getByRole('checkbox', { name: 'Show technical details' }));
    expect(screen.queryByTestId('technical-details')).toBeNull();
    expect(localStorage.getItem('omniflow.technicalDetails')).toBe('false');
  });

  it('edits the label and the config', async () => {
    const user = userEvent.setup();
    const { onLabelChange, onConfigChange } = renderPanel();
    const label = screen.getByRole('textbox', { name: 'Label' });
    expect(label.getAttribute('placeholder')).toBe('HTTP request');
    await user.type(label, 'P');
    expect(onLabelChange).toHaveBeenLastCalledWith('P');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Method' }), 'DELETE');
    expect(onConfigChange).toHaveBeenLastCalledWith({ ...callNode.config, method: 'DELETE' });
  });

  it('reaches every control with the Tab key', async () => {
    const user = userEvent.setup();
    renderPanel();
    const visited: (string | null)[] = [];
    for (let i = 0; i < 12; i++) {
      await user.tab();
      const focused = document.activeElement;
      visited.push(focused?.getAttribute('aria-label') ?? focused?.id ?? null);
    }
    expect(visited).toEqual([
      'inspector-call-technical',
      'inspector-call-label',
      'inspector-call-config-method',
      'inspector-call-config-url',
      'Insert a variable',
      'Headers: key 1',
      'Headers: value 1',
      'Insert a variable',
      'Remove entry 1 of Headers',
      'Add entry to Headers',
      'inspector-call-config-body',
      'inspector-call-config-timeout',
    ]);
  });

  it('shows the node’s issues at their fields', () => {
    renderPanel({
      node: { ...callNode, config: { url: 'not a url' } },
      issues: [
        {
          code: 'NODE_CONFIG_INVALID',
          severity: 'error',
          nodeId: 'call',
          path: ['url'],
          message: 'HTTP request "call": url: Enter a full URL',
        },
        {
          code: 'REQUIRED_PORT_UNWIRED',
          severity: 'error',
          nodeId: 'call',
          message: 'Port "failed" is not wired',
        },
      ],
    });
    const url = screen.getByRole('combobox', { name: 'URL' });
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(url.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Enter a full URL',
    );
    expect(
      within(screen.getByRole('group', { name: 'Problems with this node' })).getByText(
        'Port "failed" is not wired',
      ),
    ).toBeTruthy();
  });

  it('disables every control in read-only mode', () => {
    renderPanel({ readOnly: true });
    expect(screen.getByRole('note').textContent).toBe('Read-only: this is a published version.');
    // Showing technical details changes the view, not the version: it stays available.
    const controls = document.querySelectorAll('input:not([data-view-preference]), select, textarea, button');
    expect(controls.length).toBeGreaterThan(5);
    for (const control of controls) expect(control.hasAttribute('disabled'), control.outerHTML).toBe(true);
  });

  it('starts fresh drafts when another node is selected', async () => {
    const user = userEvent.setup();
    const { rerender } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Add entry to Headers' }));
    expect(screen.getAllByRole('textbox', { name: /Headers: key/ })).toHaveLength(2);
    rerender(
      <InspectorPanel
        entry={entryOf('http.request')}
        node={{ ...callNode, id: 'other', config: { url: 'https://y.test' } }}
        issues={[]}
        variables={[]}
        onConfigChange={() => {}}
        onLabelChange={() => {}}
      />,
    );
    expect(screen.queryAllByRole('textbox', { name: /Headers: key/ })).toHaveLength(0);
  });
});
