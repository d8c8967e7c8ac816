import { useT } from '../../i18n/use-i18n.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { timeAgo } from './time-ago.ts';
import { useNow } from './use-now.ts';
import type { LiveDashboard } from './use-live-dashboard.ts';

type Component = LiveDashboard['health'][number];

const known = ['api', 'worker', 'sip', 'sip-trunk', 'sms', 'email', 'whatsapp'];

/** Each component with a green or red mark, its last success and its last error. */
export function ChannelHealthList({ health }: { health: Component[] }) {
  const t = useT();
  const now = useNow();
  const name = (c: Component) =>
    c.component.startsWith('imap:')
      ? t('dashboard.component.imap', { address: c.component.slice(5) })
      : known.includes(c.component)
        ? t(`dashboard.component.${c.component}` as MessageKey)
        : c.component;
  if (health.length === 0) return <p className="text-sm text-slate-500">{t('dashboard.health.none')}</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="channel-health">
      {health.map((c) => (
        <li key={c.component} className="flex items-start gap-3 py-2" data-component={c.component}>
          {/* Shape as well as colour: a filled dot for working, a hollow ring for down. */}
          <span
            aria-hidden
            className={`mt-1.5 inline-block h-3 w-3 shrink-0 rounded-full ${
              c.up ? 'bg-emerald-600' : 'border-2 border-red-600 bg-white'
            }`}
          />
          <div className="min-w-0">
            <div className="text-sm font-medium">
              {name(c)}{' '}
              <span className={c.up ? 'text-emerald-700' : 'text-red-700'}>
                · {c.up ? t('dashboard.health.up') : t('dashboard.health.down')}
              </span>
            </div>
            <div className="text-xs text-slate-600">
              {c.lastSuccessAt
                ? t('dashboard.health.lastSuccess', { ago: timeAgo(c.lastSuccessAt, now, t) })
                : t('dashboard.health.neverSucceeded')}
              {c.stale && <> · {t('dashboard.health.stale', { ago: timeAgo(c.sampledAt, now, t) })}</>}
            </div>
            {c.lastError && c.lastErrorAt && (
              <div className="break-words text-xs text-red-700">
                {t('dashboard.health.lastError', { ago: timeAgo(c.lastErrorAt, now, t), error: c.lastError })}
              </div>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
