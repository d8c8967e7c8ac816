import { useT } from '../../i18n/use-i18n.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { builtInTargets, checkMapping } from './import-targets.ts';

export interface ImportField {
  key: string;
  label: string;
}

/**
 * One line per column of the file: its title, its first values and a dropdown of what it fills.
 * Problems the import would refuse (no address column, a name chosen twice) show under it.
 */
export function MappingTable({
  header,
  sampleRows,
  fields,
  mapping,
  onChange,
}: {
  header: string[];
  sampleRows: string[][];
  fields: ImportField[];
  mapping: Record<string, string>;
  onChange: (mapping: Record<string, string>) => void;
}) {
  const t = useT();
  const label = (target: string) =>
    target.startsWith('field:')
      ? (fields.find((f) => f.key === target.slice(6))?.label ?? target.slice(6))
      : t(`contactImport.target.${target}` as MessageKey);
  const check = checkMapping(mapping);
  return (
    <div>
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-1 pr-3 font-medium">{t('contactImport.column')}</th>
            <th className="py-1 pr-3 font-medium">{t('contactImport.sample')}</th>
            <th className="py-1 font-medium">{t('contactImport.fillsWith')}</th>
          </tr>
        </thead>
        <tbody>
          {header.map((column, index) => (
            <tr key={column} className="border-t border-slate-100">
              <td className="py-1.5 pr-3 font-medium text-slate-800">{column}</td>
              <td className="max-w-xs truncate py-1.5 pr-3 text-slate-500">
                {sampleRows
                  .map((row) => row[index] ?? '')
                  .filter(Boolean)
                  .slice(0, 3)
                  .join(' · ')}
              </td>
              <td className="py-1.5">
                <select
                  aria-label={t('contactImport.mappingFor', { column })}
                  value={mapping[column] ?? 'ignore'}
                  onChange={(event) => onChange({ ...mapping, [column]: event.target.value })}
                  className="rounded border border-slate-300 px-2 py-1 text-sm"
                >
                  {builtInTargets.map((target) => (
                    <option key={target} value={target}>
                      {label(target)}
                    </option>
                  ))}
                  {fields.length > 0 && (
                    <optgroup label={t('contactImport.customFields')}>
                      {fields.map((field) => (
                        <option key={field.key} value={`field:${field.key}`}>
                          {field.label}
                        </option>
                      ))}
                    </optgroup>
                  )}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!check.hasAddress && (
        <p role="alert" className="mt-2 text-sm text-amber-700">
          {t('contactImport.needsAddress')}
        </p>
      )}
      {check.twice.map((target) => (
        <p key={target} role="alert" className="mt-2 text-sm text-amber-700">
          {t('contactImport.twice', { target: label(target) })}
        </p>
      ))}
    </div>
  );
}

/** Whether the mapping can be sent as it is. */
export const mappingReady = (mapping: Record<string, string>) => {
  const check = checkMapping(mapping);
  return check.hasAddress && check.twice.length === 0;
};
