import { useEffect, useMemo, useState } from 'react';
import { useLocale, useT } from '../../i18n/use-i18n.ts';

const clocks = new Map<string, Intl.DateTimeFormat>();

/** "19:45" in the zone: one formatter per zone, since the list shows hundreds at once. */
export function localTimeIn(zone: string, now: Date, locale: string): string {
  const key = `${locale} ${zone}`;
  let clock = clocks.get(key);
  if (!clock) {
    clock = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clocks.set(key, clock);
  }
  return clock.format(now);
}

/** Every IANA zone the browser knows, UTC first (Intl lists it as an alias, or not at all). */
export function timeZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
}

/** "lima", "new york" and "America/New_York" all find America/New_York. */
export function matchesZone(zone: string, search: string): boolean {
  const words = search
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .split(/[ /]/)
    .filter(Boolean);
  const name = zone.toLowerCase().replace(/_/g, ' ');
  return words.every((w) => name.includes(w));
}

interface Props {
  value: string | null;
  onChange: (zone: string) => void;
}

/** A searchable list of time zones, each with its local time now, so a person picks by the clock. */
export function TimeZonePicker({ value, onChange }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [search, setSearch] = useState('');
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const zones = useMemo(timeZones, []);
  const matches = zones.filter((z) => matchesZone(z, search));
  // The chosen zone stays listed whatever the search, so the list always shows what is chosen.
  const shown = value && !matches.includes(value) ? [value, ...matches] : matches;

  return (
    <div className="space-y-1">
      <input
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        aria-label={t('campaignSettings.timezoneSearch')}
        placeholder={t('campaignSettings.timezoneSearch')}
        className="block w-96 max-w-full rounded border border-slate-300 px-2 py-1 text-sm"
      />
      <select
        size={6}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value)}
        aria-label={t('campaignSettings.timezone')}
        aria-describedby="timezone-now"
        className="block w-96 max-w-full rounded border border-slate-300 px-1 py-1 font-mono text-sm"
      >
        {shown.map((zone) => (
          <option key={zone} value={zone}>
            {`${zone.replace(/_/g, ' ')} · ${localTimeIn(zone, now, locale)}`}
          </option>
        ))}
      </select>
      <p id="timezone-now" className="text-sm text-slate-600">
        {matches.length === 0 && search.trim()
          ? t('campaignSettings.timezoneNoMatch', { search })
          : value
            ? t('campaignSettings.timezoneNow', { time: localTimeIn(value, now, locale) })
            : t('campaignSettings.timezoneNone')}
      </p>
    </div>
  );
}
