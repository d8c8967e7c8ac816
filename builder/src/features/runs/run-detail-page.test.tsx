// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message, RunDetail } from '../../api/types.ts';
import { apiError, stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { useFlowStore } from '../canvas/flow-store.ts';
import { testCatalog } from '../canvas/test-catalog.ts';
import { RunDetailPage } from './run-detail-page.tsx';
import { at, testRun, testStep } from './test-runs.ts';

class FakeEventSource {
  static last: FakeEventSource | undefined;
  readonly listeners = new Map<string, ((e: MessageEvent<string>) => void)[]>();
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: (e: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {}
  emit(type: string, data: unknown) {
    for (const listener of this.listeners.get(type) ?? [])
      listener(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
}

const settle = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const node = (id: string) => screen.getByTestId(`rf__node-${id}`).firstElementChild!;
const stepItem = (seq: number) => document.querySelector(`li[data-seq="${seq}"]`)!;

function stubRun(run: RunDetail | (() => RunDetail), extra: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    'GET /runs/run-1': () => (typeof run === 'function' ? run() : run),
    'GET /nodes': () => ({ items: testCatalog }),
    ...extra,
  });
}

async function open() {
  render(
    <div style={{ width: 1200, height: 800 }}>
      <RunDetailPage runId="run-1" />
    </div>,
  );
  await settle();
}

beforeEach(() => {
  vi.useFakeTimers();
  useLocale.getState().setLocale('en');
  FakeEventSource.last = undefined;
  vi.stubGlobal('EventSource', FakeEventSource);
  location.hash = '#/runs/run-1';
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('RunDetailPage', () => {
  it('shows the run’s header, its path on the graph and its timeline with the event between steps', async () => {
    stubRun(testRun({ rerunOf: 'run-0', reruns: ['run-2'] }));
    await open();
    expect(screen.getByRole('link', { name: 'Order status · v2' }).getAttribute('href')).toBe(
      '#/flows/flow-1',
    );
    expect(screen.getByText('Live')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'run-0' }).getAttribute('href')).toBe('#/runs/run-0');
    expect(screen.getByRole('link', { name: 'run-2' }).getAttribute('href')).toBe('#/runs/run-2');

    expect(node('start').getAttribute('data-highlighted')).toBe('true');
    expect(node('ask').getAttribute('data-run-mark')).toBe('current');
    expect(node('done').getAttribute('data-highlighted')).toBeNull();

    const timeline = screen.getByRole('list', { name: 'Timeline' });
    const items = [...timeline.children].map(
      (li) => li.getAttribute('data-node') ?? `event:${li.getAttribute('data-event')}`,
    );
    expect(items).toEqual(['start', 'call', 'ask', 'event:message']);
    expect(stepItem(2).textContent).toContain('Look up order');
    expect(stepItem(2).textContent).toContain('850 ms');
    expect(stepItem(2).textContent).toContain('success');
    expect(stepItem(3).textContent).toContain('here now');
  });

  it('draws the messages the run sent and received, with delivery and the provider’s error code', async () => {
    const message = (over: Partial<Message>): Message => ({
      id: 'm',
      channel: 'whatsapp',
      direction: 'outbound',
      contactAddress: '+34600111222',
      ourAddress: '',
      runId: 'run-1',
      nodeId: 'ask',
      providerMessageId: 'wamid.1',
      body: { text: 'What is your order number?' },
      segments: 1,
      status: 'sent',
      statusHistory: [{ status: 'sent', at: at(3) }],
      errorCode: null,
      createdAt: at(3),
      ...over,
    });
    stubRun(
      testRun({
        messages: [
          message({ id: 'm1' }),
          message({
            id: 'm2',
            direction: 'inbound',
            nodeId: null,
            body: { text: 'hola' },
            status: 'received',
            statusHistory: [],
            createdAt: at(5),
          }),
          message({
            id: 'm3',
            body: { text: 'Thanks' },
            status: 'failed',
            statusHistory: [
              { status: 'sent', at: at(6) },
              { status: 'failed', at: at(7), errorCode: '131047', errorMessage: 'Re-engagement message' },
            ],
            errorCode: '131047',
            createdAt: at(6),
          }),
        ],
      }),
    );
    await open();
    const timeline = screen.getByRole('list', { name: 'Timeline' });
    const items = [...timeline.children].map(
      (li) =>
        li.getAttribute('data-node') ??
        `${li.getAttribute('data-message')}:${li.getAttribute('data-status')}`,
    );
    // The reply is shown once, as the message it was (not also as the "message" event).
    expect(items).toEqual(['start', 'call', 'ask', 'outbound:sent', 'inbound:received', 'outbound:failed']);
    const failed = timeline.querySelector('[data-status="failed"]')!;
    expect(failed.textContent).toContain('Sent on WhatsApp to +34600111222');
    expect(failed.textContent).toContain('Thanks');
    expect(failed.textContent).toContain('131047');
    expect(failed.textContent).toContain('Re-engagement message');
    expect(timeline.querySelector('[data-status="sent"]')!.textContent).toContain('· ask');
  });

  it('centres a step’s node when the step is clicked, and picks the step when its node is', async () => {
    stubRun(testRun());
    await open();
    fireEvent.click(within(stepItem(2) as HTMLElement).getByRole('button', { name: /^Look up order/ }));
    expect(useFlowStore.getState().selectedNodes).toEqual(['call']);
    expect(useFlowStore.getState().focusRequest?.id).toBe('call');
    expect(stepItem(2).getAttribute('aria-current')).toBe('true');

    act(() => useFlowStore.getState().select(['ask'], []));
    expect(stepItem(3).getAttribute('aria-current')).toBe('true');
    expect(stepItem(2).getAttribute('aria-current')).toBeNull();
  });

  it('marks a failed step and node red with the provider’s code, and offers no cancel', async () => {
    stubRun(
      testRun({
        status: 'failed',
        currentNodes: [],
        failedNodeId: 'call',
        endedAt: testRun().startedAt,
        error: { message: 'Provider refused the request', code: 'HTTP_503', nodeId: 'call' },
        steps: [
          testStep({ seq: 1, nodeId: 'start' }),
          testStep({
            seq: 2,
            nodeId: 'call',
            port: null,
            attempts: 3,
            error: { message: 'Service unavailable', code: 'HTTP_503' },
          }),
        ],
        events: [],
      }),
    );
    await open();
    expect(node('call').getAttribute('data-run-mark')).toBe('failed');
    expect(within(stepItem(2) as HTMLElement).getByTestId('step-error').textContent).toBe(
      'The web service answered with an error (HTTP 503)HTTP_503',
    );
    expect(stepItem(2).textContent).toContain('Attempts3');
    // The code's sentence in the reader's language, not the server's English.
    expect(screen.getAllByRole('alert')[0]!.textContent).toContain(
      'The web service answered with an error (HTTP 503)',
    );
    expect(FakeEventSource.last).toBeUndefined();
    expect(screen.queryByRole('button', { name: 'Cancel run' })).toBeNull();
  });

  it('says why a skipped mail was not answered, in words and without an alarm', async () => {
    stubRun(
      testRun({
        status: 'skipped',
        currentNodes: [],
        endedAt: testRun().startedAt,
        skipReason: 'AUTO_SUBMITTED',
        error: {
          message: 'The mail says it was sent automatically (Auto-Submitted: auto-generated)',
          code: 'AUTO_SUBMITTED',
        },
        steps: [],
        events: [],
      }),
    );
    await open();
    expect(screen.getByRole('status').textContent).toBe('Not answered: the mail was sent automatically');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(FakeEventSource.last).toBeUndefined();
  });

  it('follows the live stream', async () => {
    stubRun(testRun());
    await open();
    act(() =>
      FakeEventSource.last!.emit(
        'run',
        testRun({
          status: 'completed',
          currentNodes: [],
          steps: [
            ...testRun().steps.slice(0, 2),
            testStep({ seq: 3, nodeId: 'ask', port: 'received' }),
            testStep({ seq: 5, nodeId: 'done', port: null }),
          ],
        }),
      ),
    );
    expect(stepItem(5).getAttribute('data-node')).toBe('done');
    expect(node('done').getAttribute('data-highlighted')).toBe('true');
    expect(node('ask').getAttribute('data-run-mark')).toBeNull();
  });

  it('retries from a step after saying earlier side effects are not repeated, then watches again', async () => {
    const api = stubRun(testRun(), {
      'POST /runs/run-1/replay': () => ({
        mode: 'retry-from-step',
        runId: 'run-1',
        fromSeq: 2,
        status: 'running',
      }),
    });
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Retry from this step (Look up order)' }));
    const dialog = screen.getByRole('dialog', { name: 'Retry from “Look up order”' });
    expect(dialog.textContent).toContain('messages already sent and calls already made are not made again');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Retry from this step' }));
    await settle();
    expect(api.callsTo('POST /runs/run-1/replay')[0]!.body).toEqual({ mode: 'retry-from-step', seq: 2 });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('Retrying from step 2; following the run live.')).toBeTruthy();
    expect(api.callsTo('GET /runs/run-1')).toHaveLength(2);
  });

  it('re-runs on another published version and opens the new run', async () => {
    const api = stubRun(testRun(), {
      'GET /flows/flow-1/versions': () => ({
        items: [
          { version: 3, notes: 'New menu', publishedAt: '2025-02-01T00:00:00Z' },
          { version: 2, notes: '', publishedAt: '2025-01-01T00:00:00Z' },
        ],
      }),
      'POST /runs/run-1/replay': () => ({ mode: 'rerun', runId: 'run-9', version: 3 }),
    });
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Re-run…' }));
    await settle();
    const dialog = screen.getByRole('dialog', { name: 'Re-run' });
    const select = within(dialog).getByRole('combobox', { name: 'Version' });
    expect([...(select as HTMLSelectElement).options].map((o) => o.value)).toEqual(['same', '3']);
    fireEvent.change(select, { target: { value: '3' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start the new run' }));
    await settle();
    expect(api.callsTo('POST /runs/run-1/replay')[0]!.body).toEqual({ mode: 'rerun', version: 3 });
    expect(location.hash).toBe('#/runs/run-9');
  });

  it('says whether the run replays deterministically, or why not', async () => {
    stubRun(testRun(), {
      'POST /runs/run-1/replay': ({ call }) =>
        call === 0
          ? { mode: 'verify', deterministic: true, error: null, historyLength: 42 }
          : {
              mode: 'verify',
              deterministic: false,
              error: 'Nondeterminism: timer 3 not found',
              historyLength: 42,
            },
    });
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Verify determinism' }));
    await settle();
    expect(screen.getByText(/Deterministic: replaying its history of 42 events/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Verify determinism' }));
    await settle();
    const failed = document.querySelector('[data-deterministic="false"]')!;
    expect(failed.textContent).toContain('Nondeterminism: timer 3 not found');
  });

  it('cancels a waiting run after confirming, and shows a refusal from the server', async () => {
    const api = stubRun(testRun(), {
      'POST /runs/run-1/cancel': ({ call }) =>
        call === 0
          ? apiError(409, 'RUN_ENDED', 'The run has already ended')
          : { id: 'run-1', status: 'cancelled' },
    });
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel run' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel this run?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel the run' }));
    await settle();
    expect(within(dialog).getByRole('alert').textContent).toBe('The run has already ended');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel the run' }));
    await settle();
    expect(api.callsTo('POST /runs/run-1/cancel')).toHaveLength(2);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows the summary instead of steps once the details expired', async () => {
    stubRun(
      testRun({
        status: 'completed',
        currentNodes: [],
        detailsExpired: true,
        steps: [],
        events: [],
        input: null,
        summary: { stepCount: 4, path: ['start', 'call', 'ask', 'done'], lastNodeId: 'done' },
      }),
    );
    await open();
    expect(screen.getByRole('note').textContent).toContain(
      'were removed after the workspace’s retention period',
    );
    expect(screen.getByText('4 step(s) taken')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Path taken' })).getAllByRole('listitem')).toHaveLength(4);
    expect(screen.queryByRole('list', { name: 'Timeline' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Retry from this step/ })).toBeNull();
    expect(node('done').getAttribute('data-highlighted')).toBe('true');
  });

  it('says so when the run does not exist', async () => {
    stubApi({
      'GET /runs/run-1': () => apiError(404, 'NOT_FOUND', 'Run run-1 not found'),
      'GET /nodes': () => ({ items: testCatalog }),
    });
    await open();
    expect(screen.getByRole('alert').textContent).toBe('Something went wrong: Run run-1 not found');
  });
});
