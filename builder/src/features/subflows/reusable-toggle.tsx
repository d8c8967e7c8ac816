import { useT } from '../../i18n/use-i18n.ts';
import { useFlowStore } from '../canvas/flow-store.ts';

/** The flow's "reusable subflow" flag, in the editor's header: an undoable edit of the draft. */
export function ReusableToggle({ readOnly }: { readOnly: boolean }) {
  const t = useT();
  const reusable = useFlowStore((s) => s.doc?.reusable ?? false);
  return (
    <label className="flex items-center gap-1 text-sm text-slate-600" title={t('subflow.reusableHint')}>
      <input
        type="checkbox"
        role="switch"
        checked={reusable}
        disabled={readOnly}
        onChange={(e) => useFlowStore.getState().setReusable(e.target.checked)}
      />
      {t('subflow.reusable')}
    </label>
  );
}
