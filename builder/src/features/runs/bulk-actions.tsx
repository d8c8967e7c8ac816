import { useState } from 'react';
import type { BulkAction, RunFilter } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { BulkActionDialog } from './bulk-action-dialog.tsx';

const actions: BulkAction[] = ['cancel', 'rerun', 'retry'];

/** Cancel, re-run or retry every run the current filter matches, after a confirmation. */
export function BulkActions({ filter, onDone }: { filter: RunFilter; onDone: () => void }) {
  const t = useT();
  const [open, setOpen] = useState<BulkAction | null>(null);
  return (
    <div role="group" aria-label={t('bulk.label')} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600">{t('bulk.label')}</span>
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          onClick={() => setOpen(action)}
          className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50"
        >
          {t(`bulk.action.${action}`)}
        </button>
      ))}
      {open && (
        <BulkActionDialog
          action={open}
          filter={filter}
          onClose={(started) => {
            setOpen(null);
            if (started) onDone();
          }}
        />
      )}
    </div>
  );
}
