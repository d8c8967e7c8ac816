import { useId } from 'react';
import type { DeliverabilityCheck } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { RecordToPublish } from './record-to-publish.tsx';

const statusStyle: Record<DeliverabilityCheck['status'], string> = {
  ok: 'bg-green-100 text-green-800',
  warning: 'bg-amber-100 text-amber-900',
  error: 'bg-red-100 text-red-800',
  unknown: 'bg-slate-100 text-slate-700',
};

/** One record of the check (SPF, DKIM, DMARC or MX): how it stands, why, and what to publish. */
export function DeliverabilityCheckCard({ check }: { check: DeliverabilityCheck }) {
  const t = useT();
  const titleId = useId();
  return (
    <article
      aria-labelledby={titleId}
      data-status={check.status}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 id={titleId} className="font-semibold">
          {t(`deliverability.kind.${check.kind}`)}
        </h4>
        <span
          data-testid="check-status"
          className={`rounded-full px-2 py-0.5 text-xs ${statusStyle[check.status]}`}
        >
          {t(`deliverability.status.${check.status}`)}
        </span>
      </header>
      <ul className="space-y-1 text-sm">
        {check.findings.map((f) => (
          <li key={f.code}>{t(`deliverability.finding.${f.code}`, f.params)}</li>
        ))}
      </ul>
      <div className="text-xs text-slate-600">
        <span>{t('deliverability.published')}: </span>
        {check.published.length === 0 ? (
          t('deliverability.nothingPublished')
        ) : (
          <ul className="mt-1 space-y-1">
            {check.published.map((value) => (
              <li key={value}>
                <code className="break-all">{value}</code>
              </li>
            ))}
          </ul>
        )}
      </div>
      {check.record && <RecordToPublish record={check.record} />}
    </article>
  );
}
