import { useT } from '../../i18n/use-i18n.ts';
import { useFlowStore } from '../canvas/flow-store.ts';

/** Which language the flow speaks to people: default retry and error texts follow it. */
export function FlowLanguageSelect({ readOnly }: { readOnly: boolean }) {
  const t = useT();
  const language = useFlowStore((s) => s.doc?.language);
  return (
    <label className="flex items-center gap-1 text-sm text-slate-600" title={t('flowLanguage.hint')}>
      {t('flowLanguage.label')}
      <select
        value={language ?? ''}
        disabled={readOnly}
        onChange={(e) => {
          const next = e.target.value;
          if (next === 'es' || next === 'en') useFlowStore.getState().setLanguage(next);
        }}
        className="rounded border border-slate-300 px-1 py-0.5"
      >
        {/* A flow saved before flows had a language: its nodes keep their own defaults. */}
        {language === undefined && <option value="">{t('flowLanguage.unset')}</option>}
        <option value="es">{t('flowLanguage.es')}</option>
        <option value="en">{t('flowLanguage.en')}</option>
      </select>
    </label>
  );
}
