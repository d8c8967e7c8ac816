// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLocale } from '../../i18n/use-i18n.ts';
import { PublishDialog } from './publish-dialog.tsx';

const inflight = {
  total: 12,
  byNode: { ask: 12 },
  byVersion: [
    { version: 1, total: 4, byNode: { ask: 4 } },
    { version: 2, total: 8, byNode: { ask: 8 } },
  ],
};

beforeEach(() => useLocale.getState().setLocale('en'));
afterEach(cleanup);

describe('PublishDialog', () => {
  it('shows the runs in flight per version and keeps them on their version unless told otherwise', async () => {
    const onPublish = vi.fn(async () => {});
    render(
      <PublishDialog inflight={inflight} inflightError={null} onPublish={onPublish} onClose={() => {}} />,
    );
    expect(screen.getByTestId('inflight-total').textContent).toBe(
      '12 run(s) running or waiting now (v1: 4 · v2: 8)',
    );
    const keep = screen.getByRole('radio', { name: /In-flight runs stay on their version/ });
    expect((keep as HTMLInputElement).checked).toBe(true);
    fireEvent.change(screen.getByLabelText('What changed (notes)'), { target: { value: 'New menu' } });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Publish' })));
    expect(onPublish).toHaveBeenLastCalledWith('New menu', 'keep');

    fireEvent.click(screen.getByRole('radio', { name: /Cancel in-flight runs/ }));
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Publish' })));
    expect(onPublish).toHaveBeenLastCalledWith('New menu', 'cancel');
  });

  it('still publishes when the runs in flight cannot be counted, saying so', () => {
    render(
      <PublishDialog
        inflight={undefined}
        inflightError="Not found"
        onPublish={async () => {}}
        onClose={() => {}}
      />,
    );
    expect(screen.getByText('Could not count the runs in flight: Not found')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Publish' }).hasAttribute('disabled')).toBe(false);
  });
});
