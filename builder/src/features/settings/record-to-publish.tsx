import type { DeliverabilityCheck } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { CopyButton } from '../../ui/copy-button.tsx';

type PublishRecord = NonNullable<DeliverabilityCheck['record']>;

/** The exact DNS record to publish, each part to copy into the DNS provider's form on its own. */
export function RecordToPublish({ record }: { record: PublishRecord }) {
  const t = useT();
  return (
    <div
      data-testid="record-to-publish"
      className="space-y-2 rounded border border-indigo-200 bg-indigo-50 p-3 text-sm"
    >
      <p className="font-medium text-indigo-900">
        {t(record.replaces === undefined ? 'deliverability.recordToAdd' : 'deliverability.recordToReplace')}
      </p>
      <dl className="grid grid-cols-[auto_1fr] items-start gap-x-3 gap-y-1">
        <dt className="text-slate-600">{t('deliverability.recordName')}</dt>
        <dd className="flex items-start justify-between gap-2">
          <code className="break-all">{record.name}</code>
          <CopyButton text={record.name} what={t('deliverability.copyName')} />
        </dd>
        <dt className="text-slate-600">{t('deliverability.recordType')}</dt>
        <dd>
          <code>{record.type}</code>
        </dd>
        <dt className="text-slate-600">{t('deliverability.recordValue')}</dt>
        <dd className="flex items-start justify-between gap-2">
          <code data-testid="record-value" className="break-all">
            {record.value}
          </code>
          <CopyButton text={record.value} what={t('deliverability.copyValue')} />
        </dd>
      </dl>
    </div>
  );
}
