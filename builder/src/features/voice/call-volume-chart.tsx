import type { CallVolume } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { fillPeriods } from './fill-periods.ts';

/** `2031-05-05` or `2031-05-05T09:00` as a short local label (`5 May`, `5 May 09:00`). */
function periodLabel(period: string, locale: string): string {
  const [day = '', hour] = period.split('T');
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  const text = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    date,
  );
  return hour ? `${text} ${hour}` : text;
}

/**
 * Calls per day or hour as stacked bars (answered, abandoned, the rest), drawn with plain boxes:
 * a few dozen bars need no chart library. Each bar says its numbers to screen readers and on hover.
 */
export function CallVolumeChart({
  volume,
  onBucket,
}: {
  volume: CallVolume;
  onBucket: (bucket: 'day' | 'hour') => void;
}) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const items = fillPeriods(volume.items, volume.bucket);
  const max = Math.max(1, ...items.map((i) => i.total));
  const heading = volume.bucket === 'day' ? t('voice.calls.volume') : t('voice.calls.volumeHour');
  return (
    <section aria-label={heading} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-2 flex flex-wrap items-center gap-4 text-sm">
        <h2 className="font-semibold">{heading}</h2>
        <span className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded-sm bg-emerald-500" /> {t('voice.calls.answered')}
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded-sm bg-amber-500" /> {t('voice.calls.abandoned')}
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded-sm bg-slate-300" /> {t('voice.calls.other')}
        </span>
        <div role="group" className="ml-auto flex gap-1">
          {(['day', 'hour'] as const).map((bucket) => (
            <button
              key={bucket}
              type="button"
              aria-pressed={volume.bucket === bucket}
              onClick={() => onBucket(bucket)}
              className="rounded border border-slate-300 px-2 py-0.5 aria-pressed:bg-indigo-100 aria-pressed:font-semibold"
            >
              {bucket === 'day' ? t('voice.calls.byDay') : t('voice.calls.byHour')}
            </button>
          ))}
        </div>
      </div>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{t('voice.calls.volumeEmpty')}</p>
      ) : (
        <>
          <ul className="flex h-28 items-end gap-0.5 border-b border-slate-300">
            {items.map((item) => {
              const other = Math.max(0, item.total - item.answered - item.abandoned);
              const label = t('voice.calls.volumeBar', {
                period: periodLabel(item.period, locale),
                total: item.total,
                answered: item.answered,
                abandoned: item.abandoned,
              });
              return (
                <li
                  key={item.period}
                  aria-label={label}
                  title={label}
                  data-period={item.period}
                  className="flex min-w-1 max-w-8 flex-1 flex-col-reverse"
                  style={{ height: `${(item.total / max) * 100}%` }}
                >
                  <span className="bg-emerald-500" style={{ flexGrow: item.answered }} />
                  <span className="bg-amber-500" style={{ flexGrow: item.abandoned }} />
                  <span className="bg-slate-300" style={{ flexGrow: other }} />
                </li>
              );
            })}
          </ul>
          <div className="mt-1 flex justify-between text-xs text-slate-600">
            <span>{periodLabel(items[0]!.period, locale)}</span>
            <span>{periodLabel(items.at(-1)!.period, locale)}</span>
          </div>
        </>
      )}
    </section>
  );
}
