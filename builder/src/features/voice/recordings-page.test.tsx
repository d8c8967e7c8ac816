// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { RecordingsPage } from './recordings-page.tsx';
import { flowId, testRecording, testUsage } from './test-voice.ts';

const settle = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const flows = { items: [{ id: flowId, name: 'Help desk IVR' }] };

beforeEach(() => {
  vi.useFakeTimers();
  useLocale.getState().setLocale('en');
  location.hash = '';
  // happy-dom's <dialog> has no showModal: the native one opens it as a modal.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('RecordingsPage', () => {
  it('lists recordings with duration, size, a player streaming from the API and a download link', async () => {
    const api = stubApi({
      'GET /recordings': () => ({
        items: [testRecording(), testRecording({ id: 'rec2', bytes: 1_500_000, durationMs: 94_000 })],
        nextCursor: null,
      }),
      'GET /recordings/usage': () => testUsage(),
      'GET /flows': () => flows,
    });
    render(<RecordingsPage query={new URLSearchParams('number=900100200')} isAdmin={false} />);
    await settle();
    expect(api.callsTo('GET /recordings')[0]!.path).toBe('/recordings?number=900100200&limit=50');
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[1]!.textContent).toContain('1 min 34 s');
    expect(rows[1]!.textContent).toContain('1.5 MB');
    expect(rows[0]!.textContent).toContain('Help desk IVR');
    expect(rows[0]!.querySelector('audio')!.getAttribute('src')).toBe('/api/v1/recordings/rec1/audio');
    expect(within(rows[1]!).getByRole('link', { name: 'Download' }).getAttribute('href')).toBe(
      '/api/v1/recordings/rec2/audio?download=1',
    );
    expect(
      screen.getByText(/64.1 KB of 250 GB used \(0 %\) · 2 recordings · files on the server/),
    ).toBeTruthy();
    // Deleting by date and the quota are for admins.
    expect(screen.queryByRole('button', { name: 'Delete by date' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Change quota' })).toBeNull();
    expect(screen.queryByTestId('quota-warning')).toBeNull();
  });

  it('deletes one recording after confirmation and reads the usage again', async () => {
    const api = stubApi({
      'GET /recordings': () => ({
        items: [testRecording(), testRecording({ id: 'rec2' })],
        nextCursor: null,
      }),
      'GET /recordings/usage': ({ call }) => testUsage({ count: 2 - call }),
      'DELETE /recordings/rec2': () => new Response(null, { status: 204 }),
      'GET /flows': () => flows,
    });
    render(<RecordingsPage query={new URLSearchParams()} isAdmin={false} />);
    await settle();
    const row = screen.getAllByRole('row')[2]!;
    fireEvent.click(within(row).getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this recording?' });
    expect(dialog.textContent).toContain('32 KB');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await settle();
    expect(api.callsTo('DELETE /recordings/rec2')).toHaveLength(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getAllByRole('row')).toHaveLength(2);
    expect(api.callsTo('GET /recordings/usage')).toHaveLength(2);
    expect(screen.getByText(/· 1 recordings ·/)).toBeTruthy();
  });

  it('warns at 80 % of the quota and lets an admin change it, showing the API’s refusal', async () => {
    const api = stubApi({
      'GET /recordings': () => ({ items: [], nextCursor: null }),
      'GET /recordings/usage': () =>
        testUsage({ bytes: 85_000, quotaBytes: 100_000, percent: 85, warning: true }),
      'PUT /recordings/quota': ({ body, call }) =>
        call === 0
          ? apiError(403, 'FORBIDDEN', 'Only an admin can change the recordings quota')
          : testUsage({
              bytes: 85_000,
              quotaBytes: (body as { quotaBytes: number }).quotaBytes,
              percent: 8.5,
            }),
      'GET /flows': () => flows,
    });
    render(<RecordingsPage query={new URLSearchParams()} isAdmin />);
    await settle();
    expect(screen.getByTestId('quota-warning').textContent).toContain('Recordings take 85 % of the quota');
    expect(screen.getByRole('meter', { name: 'Recordings storage used' }).getAttribute('aria-valuenow')).toBe(
      '85',
    );

    const quota = screen.getByLabelText('Quota');
    expect((quota as HTMLInputElement).value).toBe('0.1');
    fireEvent.change(quota, { target: { value: 'lots' } });
    expect(screen.getByText('Enter a size such as 250 or 0.5')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Change quota' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(quota, { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change quota' }));
    await settle();
    expect(api.callsTo('PUT /recordings/quota')[0]!.body).toEqual({ quotaBytes: 1_000_000 });
    expect(screen.getByText(/Only an admin can change the recordings quota/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Change quota' }));
    await settle();
    expect(screen.queryByTestId('quota-warning')).toBeNull();
    expect(screen.getByText('Quota saved')).toBeTruthy();
  });

  it('deletes by date range after saying how many recordings will go', async () => {
    const api = stubApi({
      'GET /recordings': () => ({ items: [testRecording()], nextCursor: null }),
      'GET /recordings/usage': () => testUsage(),
      'GET /recordings/count': () => ({ count: 3, bytes: 96_000 }),
      'POST /recordings/delete': () => ({ deleted: 3 }),
      'GET /flows': () => flows,
    });
    render(<RecordingsPage query={new URLSearchParams()} isAdmin />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Delete by date' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete recordings by date' });
    const confirm = () =>
      within(dialog).getByRole('button', { name: /^Delete them \(\d+\)$/ }) as HTMLButtonElement;
    expect(confirm().disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('Until'), { target: { value: '2030-03-02T00:00' } });
    await settle();
    const counted = api.callsTo('GET /recordings/count')[0]!.path;
    expect(counted).toBe(
      `/recordings/count?to=${encodeURIComponent(new Date('2030-03-02T00:00').toISOString())}`,
    );
    expect(within(dialog).getByTestId('delete-range-count').textContent).toBe(
      'Recordings to delete: 3 (96 KB). This cannot be undone.',
    );
    fireEvent.click(confirm());
    await settle();
    expect(api.callsTo('POST /recordings/delete')[0]!.body).toEqual({
      to: new Date('2030-03-02T00:00').toISOString(),
    });
    expect(screen.getByText('Recordings deleted: 3')).toBeTruthy();
    expect(api.callsTo('GET /recordings')).toHaveLength(2);
  });
});
