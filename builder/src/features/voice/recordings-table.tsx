import type { Recording } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { formatDuration } from '../runs/format-duration.ts';
import { formatBytes } from './format-bytes.ts';
import { RecordingPlayer } from './recording-player.tsx';

const cell = 'px-3 py-2 align-middle';

/** A page of recordings, each with a player, a download link and a delete button. */
export function RecordingsTable({
  recordings,
  flowName,
  onDelete,
}: {
  recordings: readonly Recording[];
  flowName: (id: string | null) => string | null;
  onDelete: (recording: Recording) => void;
}) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  return (
    <table className="w-full border-collapse text-sm">
      <thead className="border-b border-slate-300 text-left text-slate-600">
        <tr>
          <th className={cell}>{t('voice.column.date')}</th>
          <th className={cell}>{t('voice.column.from')}</th>
          <th className={cell}>{t('voice.column.to')}</th>
          <th className={cell}>{t('voice.column.duration')}</th>
          <th className={cell}>{t('voice.column.size')}</th>
          <th className={cell}>{t('voice.column.flow')}</th>
          <th className={cell}>{t('voice.column.listen')}</th>
          <th className={cell}>
            <span className="sr-only">{t('voice.recordings.delete')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {recordings.map((recording) => (
          <tr
            key={recording.id}
            data-recording-id={recording.id}
            className="border-b border-slate-100 bg-white"
          >
            <td className={`${cell} whitespace-nowrap`}>
              {recording.callRecordId ? (
                <a href={`#/calls/${recording.callRecordId}`} className="text-indigo-700 hover:underline">
                  {new Date(recording.createdAt).toLocaleString(locale)}
                </a>
              ) : (
                new Date(recording.createdAt).toLocaleString(locale)
              )}
            </td>
            <td className={`${cell} font-mono`}>{recording.from}</td>
            <td className={`${cell} font-mono`}>{recording.to}</td>
            <td className={`${cell} whitespace-nowrap tabular-nums`}>
              {formatDuration(recording.durationMs, locale)}
            </td>
            <td className={`${cell} whitespace-nowrap tabular-nums`}>
              {formatBytes(recording.bytes, locale)}
            </td>
            <td className={cell}>
              {recording.flowId ? (flowName(recording.flowId) ?? t('voice.unknownFlow')) : '—'}
            </td>
            <td className={cell}>
              <RecordingPlayer recording={recording} />
            </td>
            <td className={cell}>
              <button
                type="button"
                onClick={() => onDelete(recording)}
                className="rounded border border-red-300 px-2 py-0.5 text-red-700 hover:bg-red-50"
              >
                {t('voice.recordings.delete')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
