import type { CallRecord } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { navigate } from '../../use-route.ts';
import { formatDuration } from '../runs/format-duration.ts';
import { hangupSideKey } from './hangup-side-label.ts';

const cell = 'px-3 py-2 align-top';

/** A page of call records; a row opens the call (its time is also a link, for keyboards and new tabs). */
export function CallsTable({
  calls,
  flowName,
}: {
  calls: readonly CallRecord[];
  flowName: (id: string | null) => string | null;
}) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  return (
    <table className="w-full border-collapse text-sm">
      <thead className="border-b border-slate-300 text-left text-slate-600">
        <tr>
          <th className={cell}>{t('voice.column.started')}</th>
          <th className={cell}>{t('voice.column.from')}</th>
          <th className={cell}>{t('voice.column.to')}</th>
          <th className={cell}>{t('voice.column.duration')}</th>
          <th className={cell}>{t('voice.column.hangup')}</th>
          <th className={cell}>{t('voice.column.flow')}</th>
        </tr>
      </thead>
      <tbody>
        {calls.map((call) => {
          const time = new Date(call.startedAt).toLocaleString(locale);
          return (
            <tr
              key={call.id}
              data-call-id={call.id}
              onClick={() => navigate(`/calls/${call.id}`)}
              className="cursor-pointer border-b border-slate-100 bg-white hover:bg-indigo-50"
            >
              <td className={`${cell} whitespace-nowrap`}>
                <a
                  href={`#/calls/${call.id}`}
                  onClick={(e) => e.stopPropagation()}
                  aria-label={t('voice.calls.open', { from: call.from, time })}
                  className="text-indigo-700 hover:underline"
                >
                  {time}
                </a>
              </td>
              <td className={`${cell} font-mono`}>{call.from}</td>
              <td className={`${cell} font-mono`}>{call.to}</td>
              <td className={`${cell} whitespace-nowrap tabular-nums`}>
                {call.durationMs === null ? '—' : formatDuration(call.durationMs, locale)}
              </td>
              <td className={cell} data-hangup={call.hangupSide ?? 'none'}>
                {t(hangupSideKey(call.hangupSide))}
              </td>
              <td className={cell}>
                {call.flowId ? (flowName(call.flowId) ?? t('voice.unknownFlow')) : '—'}
                {call.runId && (
                  <a
                    href={`#/runs/${call.runId}`}
                    onClick={(e) => e.stopPropagation()}
                    className="ml-2 text-indigo-700 hover:underline"
                  >
                    {t('voice.calls.openRun')}
                  </a>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
