import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { CallRecord, Recording } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { formatDuration } from '../runs/format-duration.ts';
import { hangupSideKey } from './hangup-side-label.ts';
import { RecordingPlayer } from './recording-player.tsx';

interface Loaded {
  call: CallRecord;
  recordings: Recording[];
  /** Node titles of the call's flow (its draft): ids are all a deleted flow leaves. */
  titles: Map<string, string>;
  flowName: string | null;
}

async function loadCall(callId: string): Promise<Loaded> {
  const [call, recordings] = await Promise.all([
    ok(client.GET('/calls/{id}', { params: { path: { id: callId } } })),
    ok(client.GET('/recordings', { params: { query: { callRecordId: callId, limit: 200 } } })),
  ]);
  const titles = new Map<string, string>();
  // A deleted flow leaves the call its ids: the page still opens.
  const flow = call.flowId
    ? await ok(client.GET('/flows/{id}', { params: { path: { id: call.flowId } } })).catch(() => null)
    : null;
  for (const node of flow?.draft.nodes ?? []) if (node.label) titles.set(node.id, node.label);
  return { call, recordings: recordings.items, titles, flowName: flow?.name ?? null };
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}

/** One call (`#/calls/<id>`): its times, the path it took, the digits pressed, its recordings. */
export function CallDetailPage({ callId }: { callId: string }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    loadCall(callId).then(
      (data) => !stale && setLoaded(data),
      (e: unknown) => !stale && setError((e as Error).message),
    );
    return () => {
      stale = true;
    };
  }, [callId]);

  const back = (
    <a href="#/calls" className="text-sm text-indigo-700 hover:underline">
      ← {t('voice.call.back')}
    </a>
  );
  if (error)
    return (
      <main className="mx-auto max-w-4xl space-y-4 p-6">
        {back}
        <p role="alert" className="text-red-700">
          {t('common.error', { message: error })}
        </p>
      </main>
    );
  if (!loaded) return <p className="p-6">{t('common.loading')}</p>;

  const { call, recordings, titles, flowName } = loaded;
  const when = (iso: string) => new Date(iso).toLocaleString(locale);
  const nodeName = (id: string) => titles.get(id) ?? id;

  return (
    <main className="mx-auto max-w-4xl space-y-6 p-6">
      {back}
      <h1 className="text-2xl font-semibold">{t('voice.call.title', { from: call.from, to: call.to })}</h1>
      <dl className="grid grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3">
        <Fact label={t('voice.call.started')}>{when(call.startedAt)}</Fact>
        <Fact label={t('voice.call.answered')}>
          {call.answeredAt ? when(call.answeredAt) : t('voice.call.notAnswered')}
        </Fact>
        <Fact label={t('voice.call.ended')}>
          {call.endedAt ? when(call.endedAt) : t('voice.call.stillOn')}
        </Fact>
        <Fact label={t('voice.call.duration')}>
          {call.durationMs === null ? '—' : formatDuration(call.durationMs, locale)}
        </Fact>
        <Fact label={t('voice.call.hangup')}>{t(hangupSideKey(call.hangupSide))}</Fact>
        <Fact label={t('voice.call.driver')}>
          <span className="font-mono">{call.driver}</span>
        </Fact>
        <Fact label={t('voice.column.flow')}>
          {call.flowId ? (
            flowName ? (
              <a href={`#/flows/${call.flowId}`} className="text-indigo-700 hover:underline">
                {flowName}
              </a>
            ) : (
              t('voice.unknownFlow')
            )
          ) : (
            '—'
          )}
          {call.runId && (
            <a href={`#/runs/${call.runId}`} className="ml-3 text-indigo-700 hover:underline">
              {t('voice.call.openRun')}
            </a>
          )}
        </Fact>
      </dl>

      <section aria-labelledby="call-path" className="space-y-2">
        <h2 id="call-path" className="text-lg font-semibold">
          {t('voice.call.path')}
        </h2>
        {call.path.length === 0 ? (
          <p className="text-sm text-slate-600">{t('voice.call.pathEmpty')}</p>
        ) : (
          <ol className="flex flex-wrap items-center gap-2 text-sm">
            {call.path.map((nodeId, i) => (
              <li key={`${nodeId}-${i}`} data-node={nodeId} className="flex items-center gap-2">
                {i > 0 && <span aria-hidden="true">→</span>}
                <span className="rounded border border-slate-300 bg-white px-2 py-0.5">
                  {nodeName(nodeId)}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="call-digits" className="space-y-2">
        <h2 id="call-digits" className="text-lg font-semibold">
          {t('voice.call.digits')}
        </h2>
        {call.digits.length === 0 ? (
          <p className="text-sm text-slate-600">{t('voice.call.digitsEmpty')}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {call.digits.map((press, i) => (
              <li key={i} className="flex gap-3">
                <span className="font-mono text-base font-semibold">{press.digits}</span>
                <span>{t('voice.call.digitsAt', { node: nodeName(press.nodeId) })}</span>
                {press.at && <span className="text-slate-600">{when(press.at)}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="call-recordings" className="space-y-2">
        <h2 id="call-recordings" className="text-lg font-semibold">
          {t('voice.call.recordings')}
        </h2>
        {recordings.length === 0 ? (
          <p className="text-sm text-slate-600">{t('voice.call.recordingsEmpty')}</p>
        ) : (
          <ul className="space-y-2">
            {recordings.map((recording) => (
              <li key={recording.id} className="flex flex-wrap items-center gap-3 text-sm">
                <span className="tabular-nums">{formatDuration(recording.durationMs, locale)}</span>
                {recording.nodeId && <span>{nodeName(recording.nodeId)}</span>}
                <RecordingPlayer recording={recording} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
