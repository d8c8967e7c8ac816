import type { NodeCategory } from '@omniflow/nodes/sdk';
import { useId, useMemo, useState } from 'react';
import type { CatalogEntry } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { paletteGroups } from './palette-groups.ts';
import { PaletteItem } from './palette-item.tsx';

const categoryKeys: Record<NodeCategory, MessageKey> = {
  flow: 'canvas.category.flow',
  logic: 'canvas.category.logic',
  http: 'canvas.category.http',
  messaging: 'canvas.category.messaging',
  voice: 'canvas.category.voice',
  email: 'canvas.category.email',
  data: 'canvas.category.data',
  ai: 'canvas.category.ai',
};

export interface NodePaletteProps {
  catalog: readonly CatalogEntry[];
  /** Called on Enter/Space/click; the page adds the node at the centre of the view. */
  onAdd: (entry: CatalogEntry) => void;
}

/** The node catalog by category, searchable, each node draggable onto the canvas. */
export function NodePalette({ catalog, onAdd }: NodePaletteProps) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [query, setQuery] = useState('');
  const groups = useMemo(() => paletteGroups(catalog, query, locale), [catalog, query, locale]);
  const headingId = useId();

  return (
    <div role="region" aria-label={t('canvas.palette.label')} className="flex flex-col gap-3 p-3">
      <input
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-label={t('canvas.palette.search')}
        placeholder={t('canvas.palette.searchPlaceholder')}
        className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
      <p className="text-xs text-slate-500">{t('canvas.palette.hint')}</p>
      {groups.length === 0 && (
        <p role="status" className="text-sm text-slate-600">
          {t('canvas.palette.empty', { query })}
        </p>
      )}
      {groups.map((group) => (
        <section key={group.category} aria-labelledby={`${headingId}-${group.category}`}>
          <h3
            id={`${headingId}-${group.category}`}
            className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase"
          >
            {t(categoryKeys[group.category])}
          </h3>
          <ul className="flex flex-col gap-1">
            {group.entries.map((entry) => (
              <li key={`${entry.type}:${entry.title.en}`}>
                <PaletteItem entry={entry} onAdd={onAdd} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
