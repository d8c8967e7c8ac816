import { useT } from '../../i18n/use-i18n.ts';

/**
 * Says why the forecast is slower than the campaign's own rate: its sending account (the channel
 * settings) or the server allows less. Nothing when the campaign's own rate, or nothing, sets it.
 */
export function ForecastLimitNote({ limitedBy }: { limitedBy?: string | null }) {
  const t = useT();
  if (limitedBy !== 'account' && limitedBy !== 'installation') return null;
  return <p className="text-xs text-slate-600">{t(`campaigns.limitedBy.${limitedBy}`)}</p>;
}
