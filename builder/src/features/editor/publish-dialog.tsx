import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/use-i18n.ts';

export function PublishDialog({
  onPublish,
  onClose,
}: {
  onPublish: (notes: string) => Promise<void>;
  onClose: () => void;
}) {
  const t = useT();
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal?.();
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby="publish-title"
      onCancel={onClose}
      className="m-auto w-96 rounded-lg p-4 shadow-xl backdrop:bg-slate-900/30"
    >
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          try {
            await onPublish(notes);
          } finally {
            setBusy(false);
          }
        }}
        className="space-y-3"
      >
        <h2 id="publish-title" className="text-lg font-semibold">
          {t('editor.publishTitle')}
        </h2>
        <label className="block text-sm">
          {t('editor.publishNotes')}
          <textarea
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            className="mt-1 w-full rounded border border-slate-300 p-2"
            rows={3}
          />
        </label>
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onClose} className="rounded border border-slate-300 px-3 py-1">
            {t('editor.cancel')}
          </button>
          <button
            type="submit"
            disabled={busy}
            className="rounded bg-indigo-600 px-3 py-1 font-medium text-white"
          >
            {t('editor.publishConfirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
