import { ApiError, client, ok } from '../../api/client.ts';
import type { RetryFromStepResult, RunDetail, RunStep } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';

/** Confirms taking the run back to just before a step, saying what will and will not happen again. */
export function RetryStepDialog({
  run,
  step,
  onClose,
  onRetried,
}: {
  run: RunDetail;
  step: RunStep;
  onClose: () => void;
  onRetried: (result: RetryFromStepResult) => void;
}) {
  const t = useT();
  const label = run.graph.nodes.find((n) => n.id === step.nodeId)?.label || step.nodeId;
  return (
    <ConfirmDialog
      title={t('run.retry.title', { node: label })}
      confirmLabel={t('run.retry.confirm')}
      onClose={onClose}
      onConfirm={async () => {
        const result = await ok(
          client.POST('/runs/{id}/replay', {
            params: { path: { id: run.id } },
            body: { mode: 'retry-from-step', seq: step.seq },
          }),
        );
        if (result.mode !== 'retry-from-step')
          throw new ApiError(200, 'UNEXPECTED_ANSWER', `Expected a retry, got ${result.mode}`);
        onRetried(result);
      }}
    >
      <p>{t('run.retry.explain', { node: label })}</p>
      <p className="text-amber-800">{t('run.retry.sideEffects')}</p>
    </ConfirmDialog>
  );
}
