import { useState } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';

/** Revokes a key or client after the person confirms: there is no undoing it. */
export function RevokeButton({
  title,
  body,
  confirmLabel,
  onRevoke,
}: {
  title: string;
  body: string;
  confirmLabel: string;
  onRevoke: () => Promise<void>;
}) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className="rounded border border-red-300 px-2 py-0.5 text-sm text-red-700"
      >
        {t('apiKeys.revoke')}
      </button>
      {confirming && (
        <ConfirmDialog
          title={title}
          confirmLabel={confirmLabel}
          danger
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            await onRevoke();
            setConfirming(false);
          }}
        >
          <p>{body}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
