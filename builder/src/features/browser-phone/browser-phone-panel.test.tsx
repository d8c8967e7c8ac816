// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PhoneProblem, PhoneState } from './use-browser-phone.ts';

// The SIP/WebRTC side is the e2e's (runtime/test/e2e/browser-phone.e2e.test.ts); here the panel
// over a phone whose state the test sets.
const phone = {
  state: 'idle' as PhoneState,
  problem: null as PhoneProblem | null,
  runId: null as string | null,
  muted: false,
  pressed: '',
  remoteStream: null,
  call: vi.fn(),
  hangUp: vi.fn(),
  press: vi.fn(),
  toggleMute: vi.fn(),
};
vi.mock('./use-browser-phone.ts', () => ({
  useBrowserPhone: () => phone,
  draftTarget: (flowId: string) => `draft-${flowId}`,
}));
vi.mock('../simulator/use-run-polling.ts', () => ({
  useRunPolling: () => ({ run: null, refresh: () => {} }),
}));

const { BrowserPhonePanel } = await import('./browser-phone-panel.tsx');

afterEach(cleanup);
beforeEach(() => {
  Object.assign(phone, { state: 'idle', problem: null, runId: null, pressed: '', muted: false });
  vi.clearAllMocks();
});

describe('BrowserPhonePanel', () => {
  it('calls the number typed (spaces dropped) and keeps the keypad off until the call is up', () => {
    render(<BrowserPhonePanel />);
    expect(screen.getByRole('button', { name: 'Call' }).hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByLabelText('Number to call'), { target: { value: '900 100 200' } });
    fireEvent.click(screen.getByRole('button', { name: 'Call' }));
    expect(phone.call).toHaveBeenCalledWith('900100200');
    expect(screen.getByRole('button', { name: 'Press 1' }).hasAttribute('disabled')).toBe(true);
  });

  it('in a call: keypad presses, mute and hang up reach the phone, and the run is linked', () => {
    Object.assign(phone, { state: 'inCall', runId: 'r-9', pressed: '1' });
    render(<BrowserPhonePanel />);
    expect(screen.getByText('In call')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Press 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Mute' }));
    fireEvent.click(screen.getByRole('button', { name: 'Hang up' }));
    expect(phone.press).toHaveBeenCalledWith('1');
    expect(phone.toggleMute).toHaveBeenCalled();
    expect(phone.hangUp).toHaveBeenCalled();
    expect(screen.getByText('You pressed 1')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See this call’s run' }).getAttribute('href')).toBe('#/runs/r-9');
  });

  it('calls a draft after saving it, and says why a call failed', async () => {
    const beforeCall = vi.fn(async () => {});
    const doc = { name: 'f', nodes: [], edges: [] } as never;
    const { rerender } = render(<BrowserPhonePanel draft={{ flowId: 'f1', doc, beforeCall }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Call the draft' }));
    await vi.waitFor(() => expect(phone.call).toHaveBeenCalledWith('draft-f1'));
    expect(beforeCall).toHaveBeenCalled();
    Object.assign(phone, { state: 'ended', problem: { kind: 'fixFirst' } });
    rerender(<BrowserPhonePanel draft={{ flowId: 'f1', doc, beforeCall }} />);
    expect(screen.getByRole('alert').textContent).toMatch(/The draft has problems/);
  });
});
