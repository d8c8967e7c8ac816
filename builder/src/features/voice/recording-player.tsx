import type { Recording } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';

/**
 * Plays a recording straight from the API: the browser asks for byte ranges as it seeks, so a
 * long call starts playing at once. `preload="metadata"` reads only the header until Play.
 */
export function RecordingPlayer({ recording }: { recording: Recording }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const time = new Date(recording.createdAt).toLocaleString(locale);
  return (
    <span className="flex items-center gap-3">
      <audio
        controls
        preload="metadata"
        src={recording.audioUrl}
        aria-label={t('voice.recordings.player', { from: recording.from, time })}
        className="h-8 w-64"
      />
      <a
        href={`${recording.audioUrl}?download=1`}
        download
        className="text-sm text-indigo-700 hover:underline"
      >
        {t('voice.recordings.download')}
      </a>
    </span>
  );
}
