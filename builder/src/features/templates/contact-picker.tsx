import { useEffect, useId, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { inputClass } from '../inspector/field-styles.ts';

interface ContactOption {
  id: string;
  name: string;
  address: string;
}

/** Picks whom the preview is for: the sample contact, or a contact found by name or address. */
export function ContactPicker({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange(id: string | undefined): void;
}) {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<ContactOption[]>([]);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      ok(client.GET('/templates/preview-contacts', { params: { query: query ? { q: query } : {} } })).then(
        (answer) => current && setOptions(answer.items),
        () => current && setOptions([]),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <div className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={`${id}-q`} className="block text-xs text-slate-600">
          {t('templates.searchContact')}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          className={`${inputClass} w-56`}
        />
      </div>
      <div>
        <label htmlFor={`${id}-c`} className="block text-xs text-slate-600">
          {t('templates.previewFor')}
        </label>
        <select
          id={`${id}-c`}
          value={value ?? ''}
          onChange={(event) => onChange(event.target.value || undefined)}
          className={`${inputClass} w-64`}
        >
          <option value="">{t('templates.sampleContact')}</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name ? `${option.name} · ${option.address}` : option.address}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
