import { useState, type ReactNode } from 'react';
import { useT } from '../i18n/use-i18n.ts';
import { ModalDialog } from './modal-dialog.tsx';

/**
 * Asks before an action that cannot be taken back, runs it once (the button stays disabled while
 * it goes), and shows the server's message if it fails. `onConfirm` closes the dialog itself.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger = false,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <ModalDialog title={title} onClose={onClose}>
      <div className="space-y-3 text-sm">
        {children}
        {error && (
          <p role="alert" className="text-red-700">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onClose} className="rounded border border-slate-300 px-3 py-1">
            {t('common.back')}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              setError(null);
              try {
                await onConfirm();
              } catch (e) {
                setError((e as Error).message);
                setBusy(false);
              }
            }}
            className={`rounded px-3 py-1 font-medium text-white disabled:opacity-50 ${danger ? 'bg-red-600' : 'bg-indigo-600'}`}
          >
            {confirmLabel}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
