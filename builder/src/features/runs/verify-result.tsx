import type { VerifyReplayResult } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';

/** What replaying the run's history against the current code found. */
export function VerifyResult({ result }: { result: VerifyReplayResult }) {
  const t = useT();
  return result.deterministic ? (
    <p role="status" data-deterministic="true" className="rounded bg-emerald-50 p-2 text-sm text-emerald-800">
      ✓ {t('run.verify.ok', { count: result.historyLength })}
    </p>
  ) : (
    <div role="alert" data-deterministic="false" className="rounded bg-red-50 p-2 text-sm text-red-800">
      <p className="font-medium">✕ {t('run.verify.failed')}</p>
      {result.error && <pre className="mt-1 overflow-auto text-xs whitespace-pre-wrap">{result.error}</pre>}
    </div>
  );
}
