import { useCallback, useMemo, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { VoiceFilter } from '../../api/types.ts';
import { usePoll } from '../../api/use-poll.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { navigate } from '../../use-route.ts';
import { CallVolumeChart } from './call-volume-chart.tsx';
import { CallsTable } from './calls-table.tsx';
import { useFlowNames } from './use-flow-names.ts';
import { useCursorList } from '../../api/use-cursor-list.ts';
import { VoiceFilterBar } from './voice-filter-bar.tsx';
import { voiceFilterFromQuery, voiceRoute } from './voice-filter.ts';

/** The volume chart is something people watch during the day: read it again now and then. */
const volumeEveryMs = 15_000;

const chartWindowMs = { day: 30 * 86_400_000, hour: 48 * 3_600_000 } as const;

// The chart counts days and hours where the person looking lives.
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Every call record (`#/calls`), searched by number, dates and flow, with calls per day or hour. */
export function CallsPage({ query }: { query: URLSearchParams }) {
  const t = useT();
  const queryText = query.toString();
  const filter = useMemo(() => voiceFilterFromQuery(new URLSearchParams(queryText)), [queryText]);
  const list = useCursorList(JSON.stringify(filter), (page) =>
    ok(client.GET('/calls', { params: { query: { ...filter, ...page } } })),
  );
  const { flows, nameOf } = useFlowNames();
  const [bucket, setBucket] = useState<'day' | 'hour'>('day');

  const loadVolume = useCallback(() => {
    // With no start in the search the chart shows a recent window, not every day since install.
    const from =
      filter.from ??
      new Date((filter.to ? Date.parse(filter.to) : Date.now()) - chartWindowMs[bucket]).toISOString();
    return ok(client.GET('/calls/volume', { params: { query: { ...filter, from, bucket, tz: timeZone } } }));
  }, [filter, bucket]);
  const volume = usePoll(loadVolume, volumeEveryMs);

  const show = (next: VoiceFilter) => navigate(voiceRoute('calls', next));

  return (
    <main className="mx-auto max-w-7xl space-y-4 p-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t('voice.calls.title')}</h1>
        <button
          type="button"
          onClick={list.reload}
          className="ml-auto rounded border border-slate-300 bg-white px-3 py-1 text-sm"
        >
          {t('voice.refresh')}
        </button>
      </div>
      <VoiceFilterBar filter={filter} flows={flows} onChange={show} />
      {volume.data && <CallVolumeChart volume={volume.data} onBucket={setBucket} />}
      {volume.error && (
        <p role="alert" className="text-sm text-red-700">
          {t('common.error', { message: volume.error })}
        </p>
      )}
      {list.error && (
        <p role="alert" className="text-red-700">
          {t('common.error', { message: list.error })}
        </p>
      )}
      {list.items.length > 0 ? (
        <CallsTable calls={list.items} flowName={nameOf} />
      ) : (
        !list.loading && !list.error && <p className="text-slate-600">{t('voice.calls.empty')}</p>
      )}
      {list.loading && <p>{t('common.loading')}</p>}
      {list.nextCursor && !list.loading && (
        <button
          type="button"
          onClick={() => void list.loadMore()}
          className="rounded border border-slate-300 bg-white px-3 py-1 text-sm"
        >
          {t('voice.loadMore')}
        </button>
      )}
    </main>
  );
}
