import { useT } from '../../i18n/use-i18n.ts';

export type Recurrence = '' | 'daily' | 'weekly' | 'monthly';

/** Send once, or again every day, week or month (each time to the segment as it is then). */
export function CampaignRecurrenceField({
  value,
  onChange,
}: {
  value: Recurrence;
  onChange: (value: Recurrence) => void;
}) {
  const t = useT();
  return (
    <label className="block text-sm font-medium">
      {t('campaigns.recurrence')}
      <select
        className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
        value={value}
        onChange={(e) => onChange(e.target.value as Recurrence)}
      >
        <option value="">{t('campaigns.recurrence.once')}</option>
        <option value="daily">{t('campaigns.recurrence.daily')}</option>
        <option value="weekly">{t('campaigns.recurrence.weekly')}</option>
        <option value="monthly">{t('campaigns.recurrence.monthly')}</option>
      </select>
      <span className="text-xs font-normal text-slate-500">{t('campaigns.recurrence.hint')}</span>
    </label>
  );
}
