import type { MessageKey } from '../../i18n/catalog.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { CopyButton } from '../../ui/copy-button.tsx';
import type { WebhookUrl } from './webhook-urls.ts';

const purposeLabels: Record<string, MessageKey> = {
  incoming: 'channels.webhook.incoming',
  statusCallback: 'channels.webhook.statusCallback',
};

/** The webhook URLs of a channel, each with a copy button, as the provider's console asks for them. */
export function WebhookList({ urls }: { urls: WebhookUrl[] }) {
  const t = useT();
  return (
    <div className="text-sm">
      <h4 className="font-medium">{t('channels.webhooks')}</h4>
      <dl className="mt-1 space-y-1">
        {urls.map(({ purpose, url }) => {
          // A purpose the builder does not know yet still shows, under the API's own name.
          const label = purposeLabels[purpose] ? t(purposeLabels[purpose]) : purpose;
          return (
            <div key={purpose} className="flex items-start gap-2">
              <dt className="w-32 shrink-0 py-0.5 text-slate-600">{label}</dt>
              <dd className="flex min-w-0 flex-1 items-start gap-2">
                <code className="min-w-0 flex-1 rounded bg-slate-100 px-1.5 py-0.5 break-all">{url}</code>
                <CopyButton text={url} what={label} />
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
