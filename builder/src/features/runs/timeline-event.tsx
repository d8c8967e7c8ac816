import type { RunEvent } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { JsonTree } from '../../ui/json-tree.tsx';

/** Something that reached the run from outside (a reply, a keypress, a webhook), between its steps. */
export function TimelineEvent({ event }: { event: RunEvent }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  return (
    <li data-event={event.type} className="ml-4 rounded-lg border border-dashed border-sky-300 bg-sky-50 p-2">
      <p className="text-sm">
        <span aria-hidden="true">↘ </span>
        {t('run.event', {
          type: event.type,
          time: new Date(event.receivedAt).toLocaleTimeString(locale),
        })}
      </p>
      <JsonTree label={t('run.event.data')} value={event.data} />
    </li>
  );
}
