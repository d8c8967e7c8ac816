// @vitest-environment happy-dom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { SegmentsPage } from './segments-page.tsx';
import { liveCountDelayMs } from './use-live-count.ts';

useComponentTestHooks();

const vip = {
  id: '0190b3c4-0000-7000-8000-000000000001',
  name: 'VIP',
  kind: 'rules',
  rules: { kind: 'group', match: 'all', rules: [{ kind: 'tags', operator: 'has', tags: ['vip'] }] },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const options = {
  fields: [
    { key: 'edad', label: 'Age', type: 'number', choices: null },
    { key: 'plan', label: 'Plan', type: 'choice', choices: ['gold', 'silver'] },
  ],
  tags: ['vip', 'lima'],
  campaigns: [{ id: '0190b3c4-0000-7000-8000-0000000000c1', name: 'Spring sale' }],
  flows: [
    {
      id: '0190b3c4-0000-7000-8000-0000000000f1',
      name: 'Help line',
      menus: [
        { nodeId: 'menu', label: 'Main menu', options: [{ id: 'billing', digit: '1', label: 'Billing' }] },
      ],
    },
  ],
};
const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

describe('SegmentsPage', () => {
  it('lists segments with their counts and counts the rules live, once typing stops', async () => {
    const api = stubApi({
      'GET /segments': () => ({ items: [vip] }),
      'GET /segments/rule-options': () => options,
      [`GET /segments/${vip.id}/count`]: () => ({ count: 1234 }),
      'POST /segments/count': ({ call }) => ({ count: call === 0 ? 1234 : 56 }),
    });
    render(<SegmentsPage />);
    await settle();
    expect(screen.getByRole('list', { name: 'Segments' }).textContent).toContain('1,234 people');
    await wait(liveCountDelayMs);
    expect(screen.getByTestId('live-count').textContent).toBe('Right now this segment has 1,234 people');

    // Age is a number field: number operators, a number input.
    fireEvent.change(screen.getByRole('combobox', { name: 'What' }), { target: { value: 'custom:edad' } });
    const operator = screen.getAllByRole('combobox', { name: 'Condition' })[1]!;
    expect(
      within(operator)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['is', 'is not', 'is greater than', 'is less than', 'is between', 'is empty', 'is not empty']);
    fireEvent.change(operator, { target: { value: 'greater_than' } });
    const value = screen.getByRole('spinbutton', { name: 'Value' });
    fireEvent.change(value, { target: { value: '4' } });
    await wait(100);
    fireEvent.change(value, { target: { value: '40' } });
    expect(screen.getByTestId('live-count').textContent).toBe('Counting…');
    await wait(liveCountDelayMs);
    expect(screen.getByTestId('live-count').textContent).toBe('Right now this segment has 56 people');
    // The first count, then one for the finished value: not one per keystroke.
    const counts = api.callsTo('POST /segments/count');
    expect(counts).toHaveLength(2);
    expect(counts[1]!.body).toEqual({
      rules: {
        kind: 'group',
        match: 'all',
        rules: [{ kind: 'custom', key: 'edad', operator: 'greater_than', value: 40 }],
      },
    });
  });

  it('offers a choice field’s values, the phone menus’ keys and campaigns, with no ids on screen', async () => {
    stubApi({
      'GET /segments': () => ({ items: [vip] }),
      'GET /segments/rule-options': () => options,
      [`GET /segments/${vip.id}/count`]: () => ({ count: 1 }),
      'POST /segments/count': () => ({ count: 1 }),
    });
    render(<SegmentsPage />);
    await settle();
    fireEvent.change(screen.getByRole('combobox', { name: 'What' }), { target: { value: 'custom:plan' } });
    const value = screen.getByRole('combobox', { name: 'Value' });
    expect(
      within(value)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Value', 'gold', 'silver']);
    fireEvent.change(screen.getByRole('combobox', { name: 'What' }), { target: { value: 'ivr' } });
    expect(screen.getByRole('combobox', { name: 'Choose an option' }).textContent).toBe('key 1 · Billing');
    expect(screen.getByRole('combobox', { name: 'Choose a phone flow' }).textContent).toBe('Help line');
    fireEvent.change(screen.getByRole('combobox', { name: 'What' }), { target: { value: 'campaign' } });
    expect(screen.getByRole('combobox', { name: 'Campaign' }).textContent).toBe('Spring sale');
    expect(document.body.textContent).not.toMatch(/0190b3c4|custom:|voice\.menu/);
  });

  it('shows the server’s words for a rule that does not fit, and saves a new segment with AND/OR groups', async () => {
    const api = stubApi({
      'GET /segments': () => ({ items: [] }),
      'GET /segments/rule-options': () => options,
      'POST /segments/count': ({ call }) =>
        call === 0
          ? { count: 10 }
          : apiError(422, 'SEGMENT_RULE_INVALID', 'Rule 1: choose at least one value'),
      'POST /segments': ({ body }) => ({
        ...vip,
        id: '0190b3c4-0000-7000-8000-000000000002',
        ...(body as object),
      }),
      'GET /segments/0190b3c4-0000-7000-8000-000000000002/count': () => ({ count: 10 }),
    });
    render(<SegmentsPage />);
    await settle();
    expect(screen.getByText('No segments yet. Create one to choose who a campaign is for.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New segment' }));
    await wait(liveCountDelayMs);
    expect(screen.getByTestId('live-count').textContent).toBe('Right now this segment has 10 people');
    fireEvent.click(screen.getByRole('button', { name: 'Add condition' }));
    await wait(liveCountDelayMs);
    expect(screen.getByRole('alert').textContent).toBe('Rule 1: choose at least one value');
    fireEvent.click(screen.getByRole('checkbox', { name: 'vip' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add group' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Engaged VIPs' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(api.callsTo('POST /segments')[0]!.body).toEqual({
      name: 'Engaged VIPs',
      kind: 'rules',
      rules: {
        kind: 'group',
        match: 'all',
        rules: [
          { kind: 'tags', operator: 'has', tags: ['vip'] },
          { kind: 'group', match: 'any', rules: [] },
        ],
      },
    });
    expect(screen.getByText('Saved')).toBeTruthy();
  });
});
