import { useT } from '../../i18n/use-i18n.ts';

export type PersonLanguage = 'es' | 'en';

/** A person's name and language, as an admin invites them and as they change their own profile. */
export function PersonFields({
  name,
  language,
  onName,
  onLanguage,
  nameWidth = 'w-48',
}: {
  name: string;
  language: PersonLanguage;
  onName: (name: string) => void;
  onLanguage: (language: PersonLanguage) => void;
  nameWidth?: string;
}) {
  const t = useT();
  return (
    <>
      <label className="flex flex-col">
        {t('people.name')}
        <input
          required
          value={name}
          onChange={(e) => onName(e.target.value)}
          className={`mt-1 ${nameWidth} rounded border border-slate-300 px-2 py-1`}
        />
      </label>
      <label className="flex flex-col">
        {t('people.language')}
        <select
          value={language}
          onChange={(e) => onLanguage(e.target.value as PersonLanguage)}
          className="mt-1 rounded border border-slate-300 px-2 py-1"
        >
          <option value="es">{t('people.lang.es')}</option>
          <option value="en">{t('people.lang.en')}</option>
        </select>
      </label>
    </>
  );
}
