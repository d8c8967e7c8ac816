import { useT } from '../../i18n/use-i18n.ts';

/** The editor header's switch into analytics mode (figures on the canvas, the analytics panel). */
export function AnalyticsToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const t = useT();
  return (
    <button
      type="button"
      aria-pressed={on}
      title={t('analytics.toggleHint')}
      onClick={() => onChange(!on)}
      className={`rounded border px-2 py-1 text-sm ${on ? 'border-indigo-600 bg-indigo-600 text-white' : 'border-slate-300 text-slate-700'}`}
    >
      {t('analytics.toggle')}
    </button>
  );
}
