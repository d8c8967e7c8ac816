import { describe, expect, it } from 'vitest';
import { compileNode, runNodeActivity } from '../sdk/testing.ts';
import { logicBusinessHours } from './business-hours.node.ts';

const at = (iso: string) => new Date(iso);
const decide = async (config: unknown, iso: string) =>
  runNodeActivity(logicBusinessHours, config, { now: at(iso) });

describe('logic.business-hours config', () => {
  it('defaults to Monday–Friday 09:00–18:00 in Europe/Madrid, no holidays', () => {
    const config = logicBusinessHours.config.parse({});
    expect(config.timezone).toBe('Europe/Madrid');
    expect(config.mon).toEqual([{ open: '09:00', close: '18:00' }]);
    expect(config.sat).toEqual([]);
    expect(config.holidays).toEqual([]);
  });

  it.each([
    [{ timezone: 'Mars/Olympus' }, 'timezone', /IANA timezone/],
    [{ mon: [{ open: '9:00', close: '18:00' }] }, 'mon.0.open', /HH:MM/],
    [{ mon: [{ open: '22:00', close: '02:00' }] }, 'mon.0', /split one past midnight/],
    [{ holidays: [{ date: '25/12/2026' }] }, 'holidays.0.date', /YYYY-MM-DD/],
  ])('refuses %j with a message on %s', (config, path, message) => {
    const result = logicBusinessHours.config.safeParse(config);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join('.')).toBe(path);
    expect(result.error?.issues[0]?.message).toMatch(message);
  });
});

describe('logic.business-hours compile', () => {
  it('runs as an activity whose port picks open or closed', () => {
    const fragment = compileNode(logicBusinessHours, {}, { open: 'menu', closed: 'afterHours' }, 'hours');
    expect(
      fragment.invoke?.onDone.map((t) => [t.guard?.type === 'portIs' && t.guard.params.port, t.target]),
    ).toEqual([
      ['open', 'menu'],
      ['closed', 'afterHours'],
    ]);
  });
});

describe('logic.business-hours decision', () => {
  const madrid = { timezone: 'Europe/Madrid' };

  it('is open inside a range and closed outside it, in local time', async () => {
    // Wednesday 2026-06-10: CEST, UTC+2.
    expect(await decide(madrid, '2026-06-10T07:00:00Z')).toMatchObject({
      port: 'open',
      output: { open: true, localTime: '2026-06-10T09:00', weekday: 'wed' },
    });
    expect((await decide(madrid, '2026-06-10T06:59:00Z')).port).toBe('closed');
    // 18:00 is closing time: the range is open up to, not including, its close.
    expect((await decide(madrid, '2026-06-10T16:00:00Z')).port).toBe('closed');
    expect((await decide(madrid, '2026-06-13T10:00:00Z')).output).toMatchObject({
      open: false,
      weekday: 'sat',
    });
  });

  it('keeps 09:00 at 09:00 across the spring DST change (Madrid, 29 March 2026)', async () => {
    const everyDay = {
      ...madrid,
      sat: [{ open: '09:00', close: '10:00' }],
      sun: [{ open: '09:00', close: '10:00' }],
    };
    // Saturday in CET (UTC+1), Sunday in CEST (UTC+2): the same local hour is a different UTC one.
    expect((await decide(everyDay, '2026-03-28T08:30:00Z')).output).toMatchObject({
      open: true,
      localTime: '2026-03-28T09:30',
    });
    expect((await decide(everyDay, '2026-03-29T07:30:00Z')).output).toMatchObject({
      open: true,
      localTime: '2026-03-29T09:30',
    });
    expect((await decide(everyDay, '2026-03-29T08:30:00Z')).output).toMatchObject({
      open: false,
      localTime: '2026-03-29T10:30',
    });
  });

  it('skips the hour that does not exist and counts the repeated one twice', async () => {
    const nightShift = { ...madrid, sun: [{ open: '02:00', close: '03:00' }] };
    // 29 March 2026: 02:00 CET jumps to 03:00 CEST, so 02:xx never happens.
    expect((await decide(nightShift, '2026-03-29T00:59:00Z')).output).toMatchObject({
      localTime: '2026-03-29T01:59',
      open: false,
    });
    expect((await decide(nightShift, '2026-03-29T01:00:00Z')).output).toMatchObject({
      localTime: '2026-03-29T03:00',
      open: false,
    });
    // 25 October 2026: 03:00 CEST goes back to 02:00 CET, so 02:30 happens at 00:30Z and 01:30Z.
    expect((await decide(nightShift, '2026-10-25T00:30:00Z')).output).toMatchObject({
      localTime: '2026-10-25T02:30',
      open: true,
    });
    expect((await decide(nightShift, '2026-10-25T01:30:00Z')).output).toMatchObject({
      localTime: '2026-10-25T02:30',
      open: true,
    });
  });

  it('follows America/Mexico_City, which has no DST since 2022, and New York, which does', async () => {
    const mexico = { timezone: 'America/Mexico_City' };
    // Monday 2026-06-08 09:00 in Mexico City is 15:00Z all year round.
    expect((await decide(mexico, '2026-06-08T15:00:00Z')).output).toMatchObject({
      open: true,
      localTime: '2026-06-08T09:00',
    });
    const newYork = { timezone: 'America/New_York' };
    // Monday 2026-03-09, the day after DST starts: 09:00 EDT is 13:00Z, not 14:00Z.
    expect((await decide(newYork, '2026-03-09T13:00:00Z')).output).toMatchObject({
      open: true,
      localTime: '2026-03-09T09:00',
    });
    expect((await decide(newYork, '2026-03-09T12:59:00Z')).port).toBe('closed');
  });

  it('closes all day on a holiday, matched on the local date', async () => {
    const config = {
      ...madrid,
      thu: [{ open: '00:00', close: '24:00' }],
      fri: [{ open: '00:00', close: '24:00' }],
      holidays: [
        { date: '2026-01-01', yearly: true, name: 'Año Nuevo' },
        { date: '2026-12-24', name: 'Nochebuena' },
      ],
    };
    // 23:30Z on Thursday 31 Dec is already 00:30 on Friday 1 Jan in Madrid: New Year, every year.
    expect(await decide(config, '2026-12-31T23:30:00Z')).toMatchObject({
      port: 'closed',
      output: { open: false, localTime: '2027-01-01T00:30', holiday: 'Año Nuevo' },
    });
    expect((await decide(config, '2026-12-31T22:30:00Z')).port).toBe('open');
    expect((await decide(config, '2026-12-24T12:00:00Z')).output).toMatchObject({
      open: false,
      holiday: 'Nochebuena',
    });
    // Not yearly: Christmas Eve 2027 (a Friday) is an ordinary open day.
    expect((await decide(config, '2027-12-24T12:00:00Z')).port).toBe('open');
  });
});
