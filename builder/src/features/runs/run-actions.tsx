import { useState } from 'react';
import { ApiError, client, ok } from '../../api/client.ts';
import type { RunDetail, VerifyReplayResult } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { RerunDialog } from './rerun-dialog.tsx';
import { isLive } from './use-live-run.ts';
import { VerifyResult } from './verify-result.tsx';

const button =
  'rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-50';

/** Re-run, verify determinism, and cancel (while it runs or waits) one run. */
export function RunActions({ run, onChanged }: { run: RunDetail; onChanged: () => void }) {
  const t = useT();
  const [dialog, setDialog] = useState<'rerun' | 'cancel' | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [verified, setVerified] = useState<VerifyReplayResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function verify() {
    setVerifying(true);
    setVerified(null);
    setError(null);
    try {
      const result = await ok(
        client.POST('/runs/{id}/replay', { params: { path: { id: run.id } }, body: { mode: 'verify' } }),
      );
      if (result.mode !== 'verify')
        throw new ApiError(200, 'UNEXPECTED_ANSWER', `Expected a verify, got ${result.mode}`);
      setVerified(result);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setVerifying(false);
    }
  }

  return (
    <div className="space-y-2">
      <div role="group" aria-label={t('run.actions')} className="flex flex-wrap gap-2">
        <button type="button" onClick={() => setDialog('rerun')} className={button}>
          {t('run.rerun.open')}
        </button>
        <button type="button" onClick={() => void verify()} disabled={verifying} className={button}>
          {verifying ? t('run.verify.busy') : t('run.verify.open')}
        </button>
        {isLive(run.status) && (
          <button
            type="button"
            onClick={() => setDialog('cancel')}
            className={`${button} border-red-300 text-red-700`}
          >
            {t('run.cancel.open')}
          </button>
        )}
      </div>
      {verified && <VerifyResult result={verified} />}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {dialog === 'rerun' && <RerunDialog run={run} onClose={() => setDialog(null)} />}
      {dialog === 'cancel' && (
        <ConfirmDialog
          title={t('run.cancel.title')}
          confirmLabel={t('run.cancel.confirm')}
          danger
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await ok(client.POST('/runs/{id}/cancel', { params: { path: { id: run.id } } }));
            setDialog(null);
            onChanged();
          }}
        >
          <p>{t('run.cancel.explain')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
