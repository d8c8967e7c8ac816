import { describe, expect, it } from 'vitest';
import { parseRoute } from './parse-route.ts';

describe('parseRoute', () => {
  it('opens the flow list for an empty or unknown route', () => {
    expect(parseRoute('/flows')).toEqual({ screen: 'flows' });
    expect(parseRoute('')).toEqual({ screen: 'flows' });
    expect(parseRoute('/nowhere/at/all')).toEqual({ screen: 'flows' });
  });

  it('tells a flow’s editor from its runs, keeping the runs filter query', () => {
    expect(parseRoute('/flows/f1')).toEqual({ screen: 'editor', flowId: 'f1' });
    const runs = parseRoute('/flows/f1/runs?status=failed,waiting&node=menu');
    expect(runs).toMatchObject({ screen: 'runs', flowId: 'f1' });
    expect(runs.screen === 'runs' && runs.query.get('node')).toBe('menu');
  });

  it('opens calls, one call and recordings with their search', () => {
    const calls = parseRoute('/calls?number=%2B34600');
    expect(calls.screen === 'calls' && calls.query.get('number')).toBe('+34600');
    expect(parseRoute('/calls/c1')).toEqual({ screen: 'call', callId: 'c1' });
    const recordings = parseRoute('/recordings?flow=f1');
    expect(recordings.screen === 'recordings' && recordings.query.get('flow')).toBe('f1');
    expect(parseRoute('/recordings/r1')).toEqual({ screen: 'flows' });
  });

  it('opens the backups page', () => {
    expect(parseRoute('/backups')).toEqual({ screen: 'backups' });
    expect(parseRoute('/backups/extra')).toEqual({ screen: 'flows' });
  });

  it('opens the phone simulator', () => {
    expect(parseRoute('/phone')).toEqual({ screen: 'phone' });
    expect(parseRoute('/phone/extra')).toEqual({ screen: 'flows' });
  });

  it('opens all runs, one run, and the settings', () => {
    const all = parseRoute('/runs?contact=%2B34600');
    expect(all).toMatchObject({ screen: 'runs', flowId: null });
    expect(all.screen === 'runs' && all.query.get('contact')).toBe('+34600');
    expect(parseRoute('/runs/r-1')).toEqual({ screen: 'run', runId: 'r-1' });
    expect(parseRoute('/settings')).toEqual({ screen: 'settings' });
  });

  it('opens the template library, on a template by name', () => {
    expect(parseRoute('/templates')).toEqual({ screen: 'templates' });
    expect(parseRoute('/templates/welcome%20mail')).toEqual({ screen: 'templates', name: 'welcome mail' });
    expect(parseRoute('/templates/a/b')).toEqual({ screen: 'flows' });
    expect(parseRoute('/contacts/import')).toEqual({ screen: 'contact-import' });
  });
});
