import { act, cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { useLocale } from '../i18n/use-i18n.ts';

/**
 * For component tests that poll the API: fake timers (a test moves time itself), English text to
 * look for, and a clean page, stubbed fetch and real timers after each test.
 */
export function useComponentTestHooks(): void {
  beforeEach(() => {
    vi.useFakeTimers();
    useLocale.getState().setLocale('en');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
}

/** Lets the promises a render started (stubbed fetches, state updates) finish. */
export const settle = () => act(() => vi.advanceTimersByTimeAsync(0));
