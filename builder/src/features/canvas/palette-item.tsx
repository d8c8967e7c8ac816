import { useId, type DragEvent } from 'react';
import type { CatalogEntry } from '../../api/types.ts';
import { useLocalized, useT } from '../../i18n/use-i18n.ts';
import { CategoryIcon } from './category-icon.tsx';
import { paletteMimeType, toDragData } from './palette-drag.ts';

/** A catalog entry to drag onto the canvas, or to add with Enter/Space/click. */
export function PaletteItem({ entry, onAdd }: { entry: CatalogEntry; onAdd: (entry: CatalogEntry) => void }) {
  const t = useT();
  const localize = useLocalized();
  const descriptionId = useId();
  const title = localize(entry.title);
  const description = localize(entry.description);

  function startDrag(event: DragEvent<HTMLButtonElement>) {
    event.dataTransfer.setData(paletteMimeType, toDragData(entry));
    event.dataTransfer.effectAllowed = 'copy';
  }

  return (
    <button
      type="button"
      draggable
      onDragStart={startDrag}
      onClick={() => onAdd(entry)}
      aria-label={t('canvas.palette.add', { title })}
      aria-describedby={descriptionId}
      title={description}
      data-node-type={entry.type}
      className="flex w-full cursor-grab items-start gap-2 rounded-md border border-slate-200 bg-white p-2 text-left hover:border-indigo-300 hover:bg-indigo-50 active:cursor-grabbing"
    >
      <CategoryIcon icon={entry.icon} category={entry.category} />
      <span className="min-w-0">
        <span className="block truncate text-sm font-medium text-slate-900">{title}</span>
        <span id={descriptionId} className="line-clamp-2 text-xs text-slate-500">
          {description}
        </span>
      </span>
    </button>
  );
}
