import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import type { Campaign } from './campaign-types.ts';
import { statusKey, statusStyle } from './campaigns-page.tsx';

/** When an occurrence sends: its instant, or its date (each person's own time that day). */
function whenOf(c: Campaign, date: Intl.DateTimeFormat, dateTime: Intl.DateTimeFormat) {
  const s = c.schedule;
  if (s.mode === 'at') return dateTime.format(new Date(s.at));
  if (s.mode === 'local' && s.localDate)
    return `${date.format(new Date(`${s.localDate}T12:00`))} ${s.localTime}`;
  return c.startedAt ? dateTime.format(new Date(c.startedAt)) : '';
}

/** A recurring campaign's occurrences, newest first, each a link to its own counts. */
export function CampaignOccurrences({ campaign, tick }: { campaign: Campaign; tick: unknown }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [items, setItems] = useState<Campaign[] | undefined>(undefined);
  useEffect(() => {
    void ok(client.GET('/campaigns/{id}/occurrences', { params: { path: { id: campaign.id } } })).then(
      (r) => setItems(r.occurrences),
      () => setItems([]),
    );
  }, [campaign.id, tick]);
  if (!campaign.schedule.recurrence || campaign.parentId) return null;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-label={t('campaigns.occurrences')} className="rounded border border-slate-200 bg-white p-3">
      <h2 className="text-sm font-medium">{t('campaigns.occurrences')}</h2>
      {items?.length === 0 && <p className="text-sm text-slate-500">{t('campaigns.occurrences.none')}</p>}
      <ul className="divide-y divide-slate-100 text-sm">
        {items?.map((o) => (
          <li key={o.id} className="flex items-center justify-between py-1">
            <a className="text-indigo-700 hover:underline" href={`#/campaigns/${o.id}`}>
              {whenOf(o, date, dateTime)}
            </a>
            <span className={`rounded px-2 py-0.5 text-xs ${statusStyle[o.status] ?? ''}`}>
              {t(statusKey(o.status))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
