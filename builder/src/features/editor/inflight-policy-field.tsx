import type { InflightCounts, InflightPolicy } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';

/**
 * How many runs are in flight (in all, and per version) and what publishing does with them: they
 * stay on the version they started on, or they are cancelled.
 */
export function InflightPolicyField({
  inflight,
  error,
  policy,
  onChange,
}: {
  inflight: InflightCounts | undefined;
  error: string | null;
  policy: InflightPolicy;
  onChange: (policy: InflightPolicy) => void;
}) {
  const t = useT();
  return (
    <fieldset className="space-y-1 rounded border border-slate-200 p-2 text-sm">
      <legend className="px-1 font-medium">{t('editor.inflight.legend')}</legend>
      {inflight ? (
        <p data-testid="inflight-total">
          {t('editor.inflight.total', { count: inflight.total })}
          {inflight.byVersion.length > 0 && (
            <span className="text-slate-600">
              {' '}
              ({inflight.byVersion.map((v) => `v${v.version}: ${v.total}`).join(' · ')})
            </span>
          )}
        </p>
      ) : error ? (
        <p className="text-amber-800">{t('editor.inflight.unknown', { message: error })}</p>
      ) : (
        <p className="text-slate-600">{t('editor.inflight.counting')}</p>
      )}
      {(['keep', 'cancel'] as const).map((choice) => (
        <label key={choice} className="flex items-start gap-2">
          <input
            type="radio"
            name="inflight"
            value={choice}
            checked={policy === choice}
            onChange={() => onChange(choice)}
            className="mt-1"
          />
          <span>
            {t(`editor.inflight.${choice}`)}
            <span className="block text-xs text-slate-600">{t(`editor.inflight.${choice}Hint`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
