import { useEffect, useRef, useState } from 'react';
import type { InflightCounts, InflightPolicy } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { InflightPolicyField } from './inflight-policy-field.tsx';

export function PublishDialog({
  inflight,
  inflightError,
  onPublish,
  onClose,
}: {
  /** The flow's runs in flight, as the editor polls them; undefined until known. */
  inflight: InflightCounts | undefined;
  inflightError: string | null;
  onPublish: (notes: string, inflight: InflightPolicy) => Promise<void>;
  onClose: () => void;
}) {
  const t = useT();
  const [notes, setNotes] = useState('');
  const [policy, setPolicy] = useState<InflightPolicy>('keep');
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
      className="m-auto w-[28rem] rounded-lg p-4 shadow-xl backdrop:bg-slate-900/30"
    >
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          try {
            await onPublish(notes, policy);
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
        <InflightPolicyField inflight={inflight} error={inflightError} policy={policy} onChange={setPolicy} />
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
