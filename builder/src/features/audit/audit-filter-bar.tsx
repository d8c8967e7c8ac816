import { useState } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import { emptyAuditFilter, type AuditFilterState } from './audit-filter.ts';
import { actionWords, resourceWords } from './audit-words.ts';
import { auditActions, auditResourceTypes } from './messages.ts';

const input = 'mt-1 block w-full rounded border border-slate-300 px-2 py-1';

/** The audit page's search: a period, who, what, on what, and free words. */
export function AuditFilterBar({
  filter,
  onSearch,
}: {
  filter: AuditFilterState;
  onSearch: (filter: AuditFilterState) => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState(filter);
  const set = (key: keyof AuditFilterState) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));
  const byWords = (words: (code: string) => string, codes: readonly string[]) =>
    [...codes].map((code) => ({ code, words: words(code) })).sort((a, b) => a.words.localeCompare(b.words));
  return (
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(draft);
      }}
      className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-4"
    >
      <label className="text-sm font-medium">
        {t('audit.filter.from')}
        <input type="date" value={draft.from} onChange={set('from')} className={input} />
      </label>
      <label className="text-sm font-medium">
        {t('audit.filter.to')}
        <input type="date" value={draft.to} onChange={set('to')} className={input} />
      </label>
      <label className="text-sm font-medium">
        {t('audit.filter.action')}
        <select value={draft.action} onChange={set('action')} className={input}>
          <option value="">{t('audit.filter.anyAction')}</option>
          {byWords((code) => actionWords(t, code), auditActions).map(({ code, words }) => (
            <option key={code} value={code}>
              {words}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        {t('audit.filter.resourceType')}
        <select value={draft.resourceType} onChange={set('resourceType')} className={input}>
          <option value="">{t('audit.filter.anyResource')}</option>
          {byWords((code) => resourceWords(t, code), auditResourceTypes).map(({ code, words }) => (
            <option key={code} value={code}>
              {words}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        {t('audit.filter.actor')}
        <input value={draft.actor} onChange={set('actor')} className={input} maxLength={200} />
      </label>
      <label className="text-sm font-medium">
        {t('audit.filter.resourceId')}
        <input value={draft.resourceId} onChange={set('resourceId')} className={input} maxLength={200} />
      </label>
      <label className="text-sm font-medium">
        {t('audit.filter.q')}
        <input type="search" value={draft.q} onChange={set('q')} className={input} maxLength={200} />
      </label>
      <div className="flex items-end gap-2">
        <button type="submit" className="rounded bg-indigo-600 px-3 py-1 font-medium text-white">
          {t('audit.filter.apply')}
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft(emptyAuditFilter);
            onSearch(emptyAuditFilter);
          }}
          className="rounded border border-slate-300 px-3 py-1"
        >
          {t('audit.filter.clear')}
        </button>
      </div>
    </form>
  );
}
