import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../parse-route.ts';
import {
  filterFromQuery,
  fromLocalInput,
  runsRoute,
  toggleStatus,
  toLocalInput,
  withField,
} from './run-filter.ts';

const queryOf = (route: string) => {
  const parsed = parseRoute(route);
  if (parsed.screen !== 'runs') throw new Error(`not a runs route: ${route}`);
  return filterFromQuery(parsed.query, parsed.flowId);
};

describe('run filter ⇄ hash query', () => {
  it('reads every field of a flow’s runs route', () => {
    expect(
      queryOf(
        '/flows/f1/runs?status=waiting,failed&version=3&from=2025-01-02T03:04:00.000Z&to=2025-02-01T00:00:00.000Z&contact=%2B34600111222&node=menu',
      ),
    ).toEqual({
      flowId: 'f1',
      status: ['waiting', 'failed'],
      version: 3,
      from: '2025-01-02T03:04:00.000Z',
      to: '2025-02-01T00:00:00.000Z',
      contact: '+34600111222',
      nodeId: 'menu',
    });
  });

  it('survives a round trip through the route', () => {
    const filter = {
      flowId: 'f1',
      status: ['running' as const, 'failed' as const],
      version: 2,
      from: '2025-03-01T10:00:00.000Z',
      contact: 'ana@example.com',
      nodeId: 'ask',
    };
    const route = runsRoute(filter);
    expect(route.startsWith('/flows/f1/runs?')).toBe(true);
    expect(queryOf(route)).toEqual(filter);
    expect(runsRoute({})).toBe('/runs');
  });

  it('drops values that make no sense instead of sending them', () => {
    expect(queryOf('/runs?status=failed,lost&version=2&from=yesterday&contact=%20%20')).toEqual({
      status: ['failed'],
    });
    expect(queryOf('/flows/f1/runs?version=-1')).toEqual({ flowId: 'f1' });
    expect(queryOf('/flows/f1/runs?version=1.5')).toEqual({ flowId: 'f1' });
  });

  it('writes statuses in one order, so the same filter is the same URL', () => {
    expect(runsRoute({ status: ['failed', 'running'] })).toBe('/runs?status=running%2Cfailed');
    expect(runsRoute({ status: ['running', 'failed'] })).toBe('/runs?status=running%2Cfailed');
  });

  it('names the node `node` in the hash, with the flow in the path', () => {
    const filter = { flowId: 'f1', nodeId: 'menu', status: ['waiting' as const] };
    expect(runsRoute(filter)).toBe('/flows/f1/runs?status=waiting&node=menu');
  });

  it('toggles statuses and clears emptied fields', () => {
    const one = toggleStatus({}, 'failed');
    expect(one).toEqual({ status: ['failed'] });
    expect(toggleStatus(toggleStatus(one, 'running'), 'failed')).toEqual({ status: ['running'] });
    expect(toggleStatus(one, 'failed')).toEqual({});
    expect(withField({ contact: 'x', nodeId: 'n' }, 'contact', '')).toEqual({ nodeId: 'n' });
    expect(withField({}, 'version', 4)).toEqual({ version: 4 });
  });

  it('converts between datetime-local values and ISO timestamps in local time', () => {
    const iso = fromLocalInput('2025-06-15T09:30');
    expect(iso).toBe(new Date(2025, 5, 15, 9, 30).toISOString());
    expect(toLocalInput(iso)).toBe('2025-06-15T09:30');
    expect(fromLocalInput('')).toBeUndefined();
    expect(toLocalInput(undefined)).toBe('');
  });
});
