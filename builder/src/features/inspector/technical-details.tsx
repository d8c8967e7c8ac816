import type { CatalogEntry, FlowNodeDoc } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { useTechnicalDetails } from './use-technical-details.ts';

/** The "Show technical details" switch and, when on, the node's id, type and version. */
export function TechnicalDetails({
  id,
  entry,
  node,
}: {
  id: string;
  entry: CatalogEntry;
  node: FlowNodeDoc;
}) {
  const t = useT();
  const shown = useTechnicalDetails((s) => s.shown);
  const setShown = useTechnicalDetails((s) => s.setShown);
  return (
    <div className="space-y-1">
      <label className="flex items-center gap-1.5 text-xs text-slate-500">
        <input
          id={id}
          type="checkbox"
          data-view-preference
          checked={shown}
          onChange={(event) => setShown(event.target.checked)}
        />
        {t('advanced.technicalDetails')}
      </label>
      {shown && (
        <p className="font-mono text-xs text-slate-500" data-testid="technical-details">
          {t('inspector.nodeId', { id: node.id, type: entry.type, version: entry.version })}
        </p>
      )}
    </div>
  );
}
