import { useCallback, useEffect, useState } from 'react';
import { ApiError, client, ok } from '../../api/client.ts';
import type { ChannelSettingsView } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { ChannelCard } from './channel-card.tsx';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'forbidden' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; items: ChannelSettingsView[] };

/** Settings → Channels: one card per channel, for admins; others are told why they see none. */
export function ChannelsSection() {
  const t = useT();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });

  const load = useCallback(async () => {
    try {
      const { items } = await ok(client.GET('/channels'));
      setLoaded({ kind: 'ready', items });
    } catch (error) {
      setLoaded(
        error instanceof ApiError && error.status === 403
          ? { kind: 'forbidden' }
          : { kind: 'failed', message: error instanceof Error ? error.message : String(error) },
      );
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-labelledby="settings-channels" className="space-y-3">
      <h2 id="settings-channels" className="text-xl font-semibold">
        {t('channels.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('channels.intro')}</p>
      {loaded.kind === 'loading' && <p>{t('common.loading')}</p>}
      {loaded.kind === 'forbidden' && (
        <p className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t('channels.forbidden')}
        </p>
      )}
      {loaded.kind === 'failed' && (
        <p role="alert" className="text-red-700">
          {t('channels.loadFailed', { message: loaded.message })}
        </p>
      )}
      {loaded.kind === 'ready' &&
        loaded.items.map((view) => (
          <ChannelCard
            key={view.channel}
            view={view}
            onSaved={(saved) =>
              setLoaded((current) =>
                current.kind === 'ready'
                  ? {
                      kind: 'ready',
                      items: current.items.map((i) => (i.channel === saved.channel ? saved : i)),
                    }
                  : current,
              )
            }
            // Only the API knows what a channel falls back to (environment or sandbox): ask again.
            onRemoved={() => void load()}
          />
        ))}
    </section>
  );
}
