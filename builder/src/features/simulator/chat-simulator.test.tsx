// @vitest-environment happy-dom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FlowDocument } from '../../api/types.ts';
import { apiError, stubApi } from '../../api/test-api.ts';
import { testMessage } from '../phone/test-messages.ts';
import { SimulatorPanel } from './simulator-panel.tsx';
import { useComponentTestHooks } from '../../testing/component-test-hooks.ts';

const settle = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));

const chatFlow = (channel: string): FlowDocument => ({
  schemaVersion: 1,
  name: 'Citas',
  description: '',
  trigger: { node: 'in' },
  nodes: [
    { id: 'in', type: 'message.inbound', version: 1, config: { channel }, position: { x: 0, y: 0 } },
    { id: 'ask', type: 'message.ask', version: 1, config: {}, position: { x: 300, y: 0 } },
  ],
  edges: [{ id: 'e1', from: { node: 'in', port: 'next' }, to: { node: 'ask' } }],
  variables: [],
});

const address = 'sim-0123456789ab';
const hello = testMessage({
  id: 'm1',
  direction: 'inbound',
  status: 'received',
  contactAddress: address,
  body: { text: 'Hola' },
});
const question = testMessage({
  id: 'm2',
  contactAddress: address,
  body: { text: '¿Confirmas la cita?', buttons: [{ id: 'yes', title: 'Sí' }] },
  createdAt: '2026-03-02T10:00:01.000Z',
});
const waitingRun = {
  id: 'run-1',
  status: 'waiting',
  currentNodes: ['ask'],
  steps: [{ seq: 1, nodeId: 'in', port: 'next', enteredAt: '', leftAt: '', input: {}, output: {} }],
  output: null,
  error: null,
};

useComponentTestHooks();

function open(channel = 'whatsapp') {
  const beforeRun = vi.fn(async () => {});
  render(<SimulatorPanel flowId="f1" doc={chatFlow(channel)} beforeRun={beforeRun} onPath={() => {}} />);
  return beforeRun;
}

async function write(text: string) {
  fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
  await settle();
}

describe('SimulatorPanel for a chat flow', () => {
  it('starts a test run from the first message and carries on the conversation through the sandbox', async () => {
    const api = stubApi({
      'POST /flows/f1/test-runs': () => ({
        id: 'run-1',
        version: 0,
        status: 'running',
        conversation: { channel: 'whatsapp', address },
      }),
      'GET /runs/run-1': () => waitingRun,
      'GET /messages': () => ({ items: [question, hello], nextCursor: null }),
      'POST /sandbox/messages': () => ({ outcome: 'delivered', runId: 'run-1' }),
    });
    const beforeRun = open();
    // No JSON input for a chat flow: the person's phone instead.
    expect(screen.queryByText('Trigger input (JSON)')).toBeNull();
    expect(screen.getByText(/Write the first message as the customer would/)).toBeTruthy();

    await write('Hola');
    expect(beforeRun).toHaveBeenCalled();
    expect(api.callsTo('POST /flows/f1/test-runs')[0]!.body).toEqual({
      message: { channel: 'whatsapp', text: 'Hola' },
    });
    await settle(1000);
    expect(api.calls.some((c) => c.path.startsWith(`/messages?contact=${address}`))).toBe(true);
    const bubbles = screen.getByRole('list', { name: 'You, on WhatsApp (sandbox)' });
    expect(bubbles.textContent).toContain('¿Confirmas la cita?');
    expect(screen.getByTestId('sim-status').getAttribute('data-status')).toBe('waiting');

    fireEvent.click(
      within(screen.getByRole('group', { name: 'Replies offered' })).getByRole('button', { name: 'Sí' }),
    );
    await settle();
    expect(api.callsTo('POST /sandbox/messages')[0]!.body).toEqual({
      channel: 'whatsapp',
      from: address,
      choiceId: 'yes',
      text: 'Sí',
    });
    // Still one test run: replies do not start another.
    expect(api.callsTo('POST /flows/f1/test-runs')).toHaveLength(1);
  });

  it('lets the designer pick the channel of a flow that takes any, and shows why a draft cannot run', async () => {
    const api = stubApi({
      'POST /flows/f1/test-runs': () => apiError(422, 'DRAFT_INVALID', 'Connect the "timeout" port of "ask"'),
    });
    open('any');
    fireEvent.change(screen.getByRole('combobox', { name: 'Channel' }), { target: { value: 'sms' } });
    await write('Hola');
    expect(api.callsTo('POST /flows/f1/test-runs')[0]!.body).toEqual({
      message: { channel: 'sms', text: 'Hola' },
    });
    expect(screen.getByRole('alert').textContent).toContain('Fix the problems first');
    // The text stays in the box to send again once fixed.
    expect((screen.getByRole('textbox', { name: 'Message' }) as HTMLInputElement).value).toBe('Hola');
  });
});
