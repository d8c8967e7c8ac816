import { useLocale, useT } from '../i18n/use-i18n.ts';

export function LanguageSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{t('app.language')}</span>
      <select
        aria-label={t('app.language')}
        value={locale}
        onChange={(e) => setLocale(e.target.value === 'es' ? 'es' : 'en')}
        className="rounded border border-slate-300 bg-white px-2 py-1"
      >
        <option value="en">English</option>
        <option value="es">Español</option>
      </select>
    </label>
  );
}
