import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import type { FlowDocument } from '../../api/types.ts';
import { stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { testCatalog } from '../canvas/test-catalog.ts';
import { FlowEditorPage } from './flow-editor-page.tsx';

/** For the editor page's component tests: lets fake time pass and React catch up. */
export const settle = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));

/**
 * The API the editor of flow `f1` talks to, holding `draft`: no problems, no versions, no runs in
 * flight, saves accepted. `routes` replace or add endpoints.
 */
export function stubEditor(draft: FlowDocument, routes: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    'GET /flows/f1': () => ({ id: 'f1', name: draft.name, draft }),
    'GET /nodes': () => ({ items: testCatalog }),
    'GET /flows': () => ({ items: [] }),
    'POST /flows/f1/validate': () => ({ errors: [], warnings: [] }),
    'GET /flows/f1/versions': () => ({ items: [] }),
    'GET /flows/f1/inflight': () => ({ total: 0, byNode: {}, byVersion: [] }),
    'PUT /flows/f1': ({ body }) => ({ id: 'f1', draft: body }),
    ...routes,
  });
}

/** Renders the editor of flow `f1` at a desktop size and lets it load. */
export async function openEditor() {
  render(
    <div style={{ width: 1400, height: 900 }}>
      <FlowEditorPage flowId="f1" />
    </div>,
  );
  await settle();
}

/** Fake timers, the interface in `locale` and no saved drafts for each test; all undone after it. */
export function setUpEditorTests(locale: 'es' | 'en') {
  beforeEach(() => {
    vi.useFakeTimers();
    useLocale.getState().setLocale(locale);
    localStorage.clear();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
}
