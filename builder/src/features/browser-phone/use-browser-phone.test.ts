// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

// JsSIP's session, as it is once the flow has hung up: terminate() throws INVALID_STATE_ERROR.
const ended = {
  on: vi.fn(),
  isEnded: () => true,
  terminate: vi.fn(() => {
    throw new Error('INVALID_STATE_ERROR: Invalid status: 8');
  }),
};
const live = { on: vi.fn(), isEnded: () => false, terminate: vi.fn() };
let next: typeof ended | typeof live = ended;
vi.mock('jssip', () => {
  class UA {
    start() {}
    stop() {}
    call() {
      return next;
    }
  }
  class WebSocketInterface {}
  return {
    default: { UA, WebSocketInterface, C: { causes: {}, DTMF_TRANSPORT: { RFC2833: 'RFC2833' } } },
  };
});

const { useBrowserPhone } = await import('./use-browser-phone.ts');

describe('useBrowserPhone on leaving', () => {
  it('leaves quietly after the flow hung up (the editor went blank when terminate threw)', () => {
    next = ended;
    const { result, unmount } = renderHook(() => useBrowserPhone());
    act(() => result.current.call('draft-f1'));
    expect(() => unmount()).not.toThrow();
    expect(ended.terminate).not.toHaveBeenCalled();
  });

  it('hangs up a call still going', () => {
    next = live;
    const { result, unmount } = renderHook(() => useBrowserPhone());
    act(() => result.current.call('draft-f1'));
    unmount();
    expect(live.terminate).toHaveBeenCalledTimes(1);
  });
});
