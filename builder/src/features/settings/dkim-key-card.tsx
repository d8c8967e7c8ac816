import { useId, useState } from 'react';
import { client, done } from '../../api/client.ts';
import type { DkimKey } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { CopyButton } from '../../ui/copy-button.tsx';

/** One sending domain's key: the DNS record to publish, each part ready to copy, and removal. */
export function DkimKeyCard({ dkimKey, onRemoved }: { dkimKey: DkimKey; onRemoved: () => void }) {
  const t = useT();
  const titleId = useId();
  const [confirming, setConfirming] = useState(false);
  const { dnsRecord } = dkimKey;
  const rows = [
    { label: t('dkim.recordName'), text: dnsRecord.name },
    { label: t('dkim.recordType'), text: dnsRecord.type },
    { label: t('dkim.recordValue'), text: dnsRecord.value },
    { label: t('dkim.zoneLine'), text: dnsRecord.zoneLine },
  ];
  return (
    <article aria-labelledby={titleId} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <header className="flex flex-wrap items-baseline gap-x-3">
        <h3 id={titleId} className="text-lg font-semibold">
          {dkimKey.domain}
        </h3>
        <span className="text-sm text-slate-600">
          {t('dkim.selector')}: <code>{dkimKey.selector}</code>
        </span>
      </header>
      <dl className="space-y-1 text-sm">
        {rows.map(({ label, text }) => (
          <div key={label} className="flex items-start gap-2">
            <dt className="w-40 shrink-0 py-0.5 text-slate-600">{label}</dt>
            <dd className="flex min-w-0 flex-1 items-start gap-2">
              <code className="min-w-0 flex-1 rounded bg-slate-100 px-1.5 py-0.5 break-all">{text}</code>
              <CopyButton text={text} what={label} />
            </dd>
          </div>
        ))}
      </dl>
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className="rounded border border-red-300 px-3 py-1 text-sm text-red-700"
      >
        {t('dkim.remove')}
      </button>
      {confirming && (
        <ConfirmDialog
          title={t('dkim.removeTitle', { domain: dkimKey.domain })}
          confirmLabel={t('dkim.removeConfirm')}
          danger
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            await done(
              client.DELETE('/dkim-keys/{domain}', { params: { path: { domain: dkimKey.domain } } }),
            );
            setConfirming(false);
            onRemoved();
          }}
        >
          <p>{t('dkim.removeBody', { domain: dkimKey.domain })}</p>
        </ConfirmDialog>
      )}
    </article>
  );
}
