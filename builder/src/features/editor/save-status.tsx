import type { ValidationIssue } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { problemText } from './problem-text.ts';
import type { SaveState } from './use-autosave.ts';

/**
 * The header's word on the draft: saved, unsaved, saving — or, never silently, why it is not
 * saved (a field over its limit, or the server's refusal), as an alert.
 */
export function SaveStatus({
  state,
  error,
  blocked,
}: {
  state: SaveState;
  error: string | null;
  blocked: readonly ValidationIssue[];
}) {
  const t = useT();
  if (state === 'error') {
    const reason = blocked[0] ? problemText(blocked[0], t) : (error ?? '');
    return (
      <span
        role="alert"
        data-testid="save-state"
        data-state={state}
        title={reason}
        className="max-w-md truncate rounded bg-red-50 px-2 py-0.5 text-sm font-medium text-red-800"
      >
        {t('guard.saveFailed', { reason })}
      </span>
    );
  }
  const label = { saved: t('editor.saved'), unsaved: t('editor.unsaved'), saving: t('editor.saving') }[state];
  return (
    <span role="status" data-testid="save-state" data-state={state} className="text-sm text-slate-500">
      {label}
    </span>
  );
}
