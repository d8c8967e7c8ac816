import { useEffect, useState } from 'react';
import { OnlyIfAllowed } from '../roles/only-if-allowed.tsx';
import { client, ok } from '../../api/client.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { QuotaBar, channelKey, type Quota } from './quota-bar.tsx';
import { QuotaForm } from './quota-form.tsx';
import { QuotaLedgerTable } from './quota-ledger-table.tsx';

/**
 * Settings → Quotas / Consumo: each channel's bag with what this period used (a warning from its
 * percent, a block when used up), the admins' form to set bags, and the ledger that explains
 * the balance line by line.
 */
export function QuotasSection() {
  const t = useT();
  const [items, setItems] = useState<Quota[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);

  async function load() {
    try {
      const { items } = await ok(client.GET('/quotas'));
      setItems(items);
      setShown((current) => current ?? items[0]?.channel ?? null);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  const alerts = (items ?? []).filter((q) => q.warning || q.exhausted);
  const ledgerOf = items?.find((q) => q.channel === shown);
  return (
    <section aria-labelledby="settings-quotas" className="space-y-3">
      <h2 id="settings-quotas" className="text-xl font-semibold">
        {t('quotas.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('quotas.intro')}</p>
      {alerts.map((q) => (
        <p
          key={q.channel}
          role="alert"
          className={`rounded border px-3 py-2 text-sm ${q.exhausted ? 'border-red-300 bg-red-50 text-red-800' : 'border-amber-300 bg-amber-50 text-amber-900'}`}
        >
          {t(q.exhausted ? 'quotas.exhausted' : 'quotas.warning', {
            channel: t(channelKey(q.channel)),
            percent: q.percent,
          })}
        </p>
      ))}
      {error && (
        <p role="alert" className="text-red-700">
          {t('common.error', { message: error })}
        </p>
      )}
      {items === null ? (
        !error && <p>{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="text-sm text-slate-600">{t('quotas.none')}</p>
      ) : (
        <div className="space-y-2">
          {items.map((quota) => (
            <button
              key={quota.channel}
              type="button"
              aria-pressed={quota.channel === shown}
              onClick={() => setShown(quota.channel)}
              className="block w-full text-left"
            >
              <QuotaBar quota={quota} />
            </button>
          ))}
        </div>
      )}
      <OnlyIfAllowed permission="quotas:manage">
        <QuotaForm onSaved={() => void load()} />
      </OnlyIfAllowed>
      {ledgerOf && <QuotaLedgerTable quota={ledgerOf} />}
    </section>
  );
}
